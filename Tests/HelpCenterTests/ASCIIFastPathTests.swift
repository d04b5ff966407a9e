@testable import HelpCenter
import Testing

/// Heading slugs and line trimming sort ASCII by hand; for every ASCII character that must agree with
/// the Unicode properties they use for everything else.
@Test func asciiFastPathsAgreeWithUnicodeProperties() {
    for value in UInt8(0)..<128 {
        let scalar = Unicode.Scalar(value)
        let kept = switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .decimalNumber, .connectorPunctuation: true
        case .dashPunctuation: scalar == "-"
        default: false
        }
        #expect(HeadingSlugger.slug("\(scalar)") == (kept ? "\(scalar)".lowercased() : scalar == " " ? "-" : ""))
        #expect(MarkdownRenderer.trimmed("\(scalar)x\(scalar)") == (scalar.properties.isWhitespace ? "x" : "\(scalar)x\(scalar)"))
    }
}

/// Slugs that are already safe are told from their bytes; on random slugs of ASCII and a few other
/// characters, that shortcut must give what the Unicode rule gives.
@Test func safeSlugShortcutAgreesWithTheUnicodeRule() {
    let alphabet = Array("ab09_-A .é")
    var generator = SystemRandomNumberGenerator()
    var shortcuts = 0
    for round in 0..<20_000 {
        let length = round < 100 ? round : Int.random(in: 0...90, using: &generator)
        let slug = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        if SlugPolicy.isSafeASCII(slug) {
            shortcuts += 1
            #expect(SlugPolicy.unicodeSafeSlug(slug) == slug, "\(slug)")
        }
        #expect(SlugPolicy.safeSlug(slug) == SlugPolicy.unicodeSafeSlug(slug), "\(slug)")
    }
    for slug in ["a", "a-b", "a_b-c9", String(repeating: "a", count: SlugPolicy.maxBytes)] {
        #expect(SlugPolicy.isSafeASCII(slug), "\(slug)")
    }
    for slug in ["", "-a", "a-", "a--b", "A", "a b", String(repeating: "a", count: SlugPolicy.maxBytes + 1)] {
        #expect(!SlugPolicy.isSafeASCII(slug), "\(slug)")
    }
    #expect(shortcuts > 0)
}
