import CStar
import CStarSnapshot
import Foundation
import HelpCenterResources
import Testing

/// The fast JSON parser against Foundation's decoder: the same values, and the same snapshots.
@Suite struct JSONParserTests {
    static func decoded(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test(arguments: [
        #"{"a": 1, "b": -0, "c": 1.5, "d": 1e3, "e": -12.25e-2, "f": 9223372036854775807, "g": 18446744073709551616, "h": 1.0, "i": 2.5e1}"#,
        #"["plain", "esc \" \\ \/ \b \f \n \r \t", "\u00e9\u4e2d", "\ud83d\ude00", "raw é 😀", ""]"#,
        #"{"nested": {"deeper": [[], {}, [null, true, false]]}, "nested": "first wins"}"#,
        "  \n\t[1 , 2 ]  ",
    ])
    func parsesLikeFoundation(_ text: String) throws {
        #expect(try JSONValue(parsing: Data(text.utf8)) == (try Self.decoded(text)))
    }

    @Test(arguments: [
        "", "[1,]", "{\"a\" 1}", "[01]", "[1.]", "[\"\\x\"]", "[\"\\ud800\"]", "[\"tab\there\"]", "[tru]", "[1] 2",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func refusesInvalidJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data(text.utf8)) }
    }

    @Test(arguments: [
        ("{\n  \"é😀\": 1,\n  \"ß\" 2\n}", 3, 7, "expected ':' after a key"),
        ("[\"é\" \"x\"]", 1, 6, "expected ',' or ']' after an array element"),
        ("{\"a\": [1,\n2", 2, 2, "unexpected end of the text after an array element"),
    ])
    func errorsGiveTheLineAndColumnInCharacters(text: String, line: Int, column: Int, reason: String) throws {
        let error = try #require(throws: JSONParseError.self) { try JSONValue(parsing: Data(text.utf8)) }
        #expect((error.line, error.column, error.reason) == (line, column, reason))
        #expect(error.description == "invalid JSON at line \(line), column \(column): \(reason)")
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data([0x5B, 0x22, 0xFF, 0xFE, 0x22, 0x5D])) }
    }

    @Test func snapshotsReadTheSameAsThroughJSONDecoder() throws {
        var files = [try DemoHelpCenter.url()]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixture = folder.appendingPathComponent("fixture.json")
        try Fixture.snapshot.write(to: fixture)
        files.append(fixture)
        for file in files {
            let data = try Data(contentsOf: file)
            #expect(try Snapshot(data: data) == (try JSONDecoder().decode(Snapshot.self, from: data)), "\(file.lastPathComponent)")
        }
        // A snapshot the fast path gives up on still reads, or fails, exactly as JSONDecoder says.
        let odd = Data(#"{"format":"cstar-help-snapshot","version":1,"team":{"slug":"t"},"library":{"articles":[{"id":"a","slug":"s"}]}}"#.utf8)
        #expect(throws: (any Error).self) { try Snapshot(data: odd) }
    }
}
