import Foundation

/// GitHub-style heading ids: lowercase, punctuation removed, spaces to `-`, made unique with `-1`, `-2`.
public struct HeadingSlugger: Sendable {
    private var used: Set<String>

    /// - Parameter reserved: ids already taken on the page (the theme's own), never given to a heading.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    /// The slug of `text`, without making it unique.
    public static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            // ASCII by hand, as the general categories below sort it: letters, digits and `_` stay.
            if scalar.isASCII {
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "_", "-": result.append(scalar)
                case " ": result.append("-")
                default: break
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
                result.append(scalar)
            case .dashPunctuation where scalar == "-":
                result.append(scalar)
            case .spaceSeparator where scalar == " ":
                result.append("-")
            default:
                break
            }
        }
        return String(result)
    }

    /// A unique id for a heading with `text`.
    public mutating func id(for text: String) -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = "section" }
        var candidate = base
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }
}
