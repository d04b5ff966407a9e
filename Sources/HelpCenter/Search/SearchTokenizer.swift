import Foundation

/// Splits text into search terms, exactly as the in-browser search does (`public/assets/site.js`):
/// compatibility-decomposed, diacritics removed, lowercased, cut into runs of letters and digits, with
/// Han and kana characters one term each, stop words and overlong runs dropped.
public struct SearchTokenizer: Sendable {
    /// Words too common to help a search; the index manifest carries them for the browser.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "the", "to",
        "was", "with",
    ]
    public static let maxTermLength = 40

    public init() {}

    public func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current: [UInt8] = []
        var scalars = 0
        var folded = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                if scalars <= Self.maxTermLength {
                    let term = String(decoding: current, as: UTF8.self)
                    if !Self.stopWords.contains(term) { terms.append(term) }
                }
                current.removeAll(keepingCapacity: true)
                scalars = 0
            }
        }
        // ASCII, by far the most common, is folded byte by byte; other runs go through Unicode.
        var utf8 = Array(text.utf8)[...]
        while !utf8.isEmpty {
            let asciiEnd = utf8.firstIndex { $0 >= 0x80 } ?? utf8.endIndex
            for byte in utf8[..<asciiEnd] {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    current.append(byte)
                    scalars += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    current.append(byte + 32)
                    scalars += 1
                default: flush()
                }
            }
            utf8 = utf8[asciiEnd...]
            guard !utf8.isEmpty else { break }
            var runEnd = utf8.startIndex
            while runEnd < utf8.endIndex && (utf8[runEnd] >= 0x80 || Self.isASCIILetterOrDigit(utf8[runEnd])) { runEnd += 1 }
            let run = String(decoding: utf8[..<runEnd], as: UTF8.self)
            utf8 = utf8[runEnd...]
            folded.removeAll()
            folded.append(contentsOf: run.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
            for scalar in folded {
                let properties = scalar.properties
                if properties.isGraphemeExtend || properties.generalCategory == .nonspacingMark
                    || properties.generalCategory == .spacingMark || properties.generalCategory == .enclosingMark
                {
                    continue
                }
                if Self.isIdeographic(scalar) {
                    flush()
                    current.append(contentsOf: Array(String(scalar).utf8))
                    scalars += 1
                    flush()
                } else if properties.isAlphabetic || properties.numericType != nil {
                    current.append(contentsOf: Array(String(scalar).utf8))
                    scalars += 1
                } else {
                    flush()
                }
            }
        }
        flush()
        return terms
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Han, Hiragana and Katakana: written without spaces, so each character is a term.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
