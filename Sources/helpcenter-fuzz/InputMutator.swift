import Foundation
import SyntheticCorpus

/// Turns a valid input into a damaged one: the mutations a fuzzer uses (bytes flipped, inserted, removed,
/// repeated and spliced), plus JSON-aware ones that keep the text parseable but change its meaning.
struct InputMutator {
    var random: SeededGenerator

    mutating func int(_ range: Range<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(max(1, range.count)))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// Bytes worth inserting: JSON punctuation, escapes, odd numbers, invalid UTF-8, control characters.
    static let fragments: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\u0000", "null", "true", "1e999", "-0",
        "0.000000000000000000001", "18446744073709551616", "\"\":", "{\"a\":", "[[[[[[[[", "]]]]]]]]",
        "\u{0}", "\u{7F}", "\u{FEFF}", "\u{202E}", "é", "🎉",
    ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]

    /// One to eight mutations of `input`.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<int(1..<9) {
            let at = int(0..<(bytes.count + 1))
            switch int(0..<7) {
            case 0 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] ^= UInt8(truncatingIfNeeded: 1 << int(0..<8))
            case 1:
                bytes.insert(contentsOf: pick(Self.fragments), at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + int(1..<64))
                bytes.removeSubrange(min(at, end)..<end)
            case 3 where !bytes.isEmpty:
                let start = int(0..<bytes.count)
                let slice = Array(bytes[start..<min(bytes.count, start + int(1..<256))])
                bytes.insert(contentsOf: Array(repeating: slice, count: int(1..<20)).joined(), at: at)
            case 4:
                bytes = Array(bytes.prefix(at))
            case 5:
                let depth = int(1..<3000)
                bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth), at: at)
            default:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            }
        }
        return bytes
    }
}
