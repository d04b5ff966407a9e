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
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                let term = String(current)
                if current.count <= Self.maxTermLength, !Self.stopWords.contains(term) { terms.append(term) }
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isGraphemeExtend || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark || properties.generalCategory == .enclosingMark
            {
                continue
            }
            if Self.isIdeographic(scalar) {
                flush()
                current.append(scalar)
                flush()
            } else if properties.isAlphabetic || properties.numericType != nil {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    /// Han, Hiragana and Katakana: written without spaces, so each character is a term.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
