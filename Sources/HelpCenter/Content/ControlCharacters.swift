import Foundation

/// Control characters (other than tab, newline, carriage return and form feed) are not allowed in
/// HTML; text from the API has them replaced with U+FFFD before it reaches a page.
enum ControlCharacters {
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Whether `text` has a forbidden character, read from its UTF-8 bytes: C0 controls are single
    /// bytes, DEL is 0x7F, and C1 controls are 0xC2 followed by 0x80–0x9F.
    static func hasForbidden(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(hasForbidden) ?? hasForbidden(text.utf8)
    }

    private static func hasForbidden<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D { return true }
            } else if byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                return true
            }
            previous = byte
        }
        return false
    }

    static func replaced(in text: String) -> String {
        guard hasForbidden(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }
}
