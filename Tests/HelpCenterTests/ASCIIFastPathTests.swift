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
