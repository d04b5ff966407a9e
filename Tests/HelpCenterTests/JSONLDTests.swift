import CStar
import Foundation
import Testing

@testable import HelpCenter

/// JSON-LD is written by hand for speed; it must equal what Foundation's encoder writes, with the
/// characters that could end a `<script>` element escaped.
@Suite struct JSONLDTests {
    static func reference(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
    }

    @Test func matchesFoundationsEncoder() throws {
        let tricky = "quote \" backslash \\ slash / tab \t newline \n return \r feed \u{0C} bell \u{07} </script><!-- & é 😀 \u{2028}"
        let value: JSONValue = .object([
            "@context": "https://schema.org", "@type": "Article", "headline": .string(tricky), "position": .int(-42),
            "flags": .array([.bool(true), .bool(false), .null]), "nested": .object(["b": "2", "a": "1", "Z": "0", "é": "x"]),
            "empty": .object([:]), "list": .array([]),
        ])
        #expect(JSONLD.serialize(value) == (try Self.reference(value)))
        #expect(!JSONLD.serialize(value).contains("</script>"))
    }
}
