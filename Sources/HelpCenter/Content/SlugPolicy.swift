import Foundation

/// Turns a slug from the API into one that is safe as a folder name and a URL path segment.
///
/// Letters, digits, `-` and `_` are kept (lowercased); every other run of characters becomes one `-`;
/// the result is at most 80 bytes. A slug with nothing left is refused.
public enum SlugPolicy {
    public static let maxBytes = 80

    /// The safe form of `slug`, or `nil` when nothing usable is left.
    public static func safeSlug(_ slug: String) -> String? {
        isSafeASCII(slug) ? slug : unicodeSafeSlug(slug)
    }

    /// ``safeSlug(_:)`` by the Unicode rule, character by character.
    static func unicodeSafeSlug(_ slug: String) -> String? {
        var result = ""
        var pendingDash = false
        for scalar in slug.lowercased().unicodeScalars {
            let keep: Bool
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
                .decimalNumber, .nonspacingMark, .spacingMark:
                keep = true
            default:
                keep = scalar == "_"
            }
            if keep {
                if pendingDash && !result.isEmpty { result += "-" }
                pendingDash = false
                guard result.utf8.count + String(scalar).utf8.count <= maxBytes else { break }
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? nil : result
    }

    /// Whether `slug` is already what ``safeSlug(_:)`` makes of it, told from its bytes: lowercase
    /// ASCII letters, digits and `_`, single dashes between them, no longer than ``maxBytes`` (most
    /// slugs; the rule above reads Unicode properties for every character).
    static func isSafeASCII(_ slug: String) -> Bool {
        var count = 0
        var previousDash = true
        for byte in slug.utf8 {
            count += 1
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                previousDash = false
            case UInt8(ascii: "-") where !previousDash:
                previousDash = true
            default:
                return false
            }
        }
        return count > 0 && count <= maxBytes && !previousDash
    }
}

/// Gives each item of one kind a unique safe slug, and says what it changed.
struct SlugRegistry {
    private var used: Set<String> = []
    private(set) var warnings: [BuildWarning] = []
    let kind: String
    /// The site path of an item's page, from its slug, for the warnings.
    let pagePath: @Sendable (String) -> String

    init(kind: String, pagePath: @escaping @Sendable (String) -> String) {
        self.kind = kind
        self.pagePath = pagePath
    }

    /// The unique safe slug for `slug`, or `nil` (with a warning) when it cannot be made safe.
    mutating func register(_ slug: String, title: String) -> String? {
        guard let safe = SlugPolicy.safeSlug(slug) else {
            warnings.append(.init(.unusableSlug, "\(kind) '\(title)' skipped: its slug '\(Self.visible(slug))' has no usable characters"))
            return nil
        }
        var candidate = safe
        var number = 1
        while used.contains(candidate) {
            number += 1
            candidate = "\(safe)-\(number)"
        }
        if candidate != slug {
            let reason = used.contains(safe) ? "duplicate slug" : "unsafe slug"
            warnings.append(.init(
                used.contains(safe) ? .duplicateSlug : .unsafeSlug,
                "\(kind) '\(title)': \(reason) '\(Self.visible(slug))' published as '\(candidate)'",
                page: SitePaths.file(for: pagePath(candidate))))
        }
        used.insert(candidate)
        return candidate
    }

    /// A slug as it can be shown in a message: control characters escaped, long ones cut.
    static func visible(_ slug: String) -> String {
        let escaped = slug.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        return escaped.count > 100 ? String(escaped.prefix(100)) + "…" : escaped
    }
}
