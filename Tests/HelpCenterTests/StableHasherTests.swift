import Foundation
import Testing

@testable import HelpCenter

/// The file hash that tells an unchanged snapshot from a changed one without loading it.
struct StableHasherTests {
    @Test func aFileHashesTheSameHoweverItsReadsSplitIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stable-hasher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var seen: [UInt64: Int] = [:]
        for size in [0, 5, 8, 1_000, 3 * 4096 + 7] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let file = folder.appendingPathComponent("\(size).bin")
            try Data(bytes).write(to: file)
            let hashes = [1, 3, 8, 13, 4096, 1 << 20].map { StableHasher.hash(fileAt: file.path, readSize: $0) }
            #expect(Set(hashes).count == 1, "size \(size): \(hashes)")
            let hash = try #require(hashes[0])
            #expect(seen[hash] == nil, "sizes \(seen[hash] ?? -1) and \(size) hash alike")
            seen[hash] = size
        }
        // One byte changed anywhere changes the hash.
        var bytes = [UInt8](repeating: 65, count: 4096 + 3)
        let file = folder.appendingPathComponent("edited.bin")
        try Data(bytes).write(to: file)
        let original = StableHasher.hash(fileAt: file.path)
        for position in [0, 7, 8, 4095, 4098] {
            bytes[position] = 66
            try Data(bytes).write(to: file)
            #expect(StableHasher.hash(fileAt: file.path) != original, "byte \(position)")
            bytes[position] = 65
        }
        #expect(StableHasher.hash(fileAt: folder.appendingPathComponent("missing").path) == nil)
    }
}
