/// HTML escaping by bytes, the same as swift-mustache's: `<`, `>`, `&`, `"` and `'` become `&lt;`,
/// `&gt;`, `&amp;`, `&quot;` and `&#39;` where they are characters of their own.
enum HTMLEscape {
    /// Appends `text` to `output`, escaped.
    static func append(_ text: String, to output: inout [UInt8]) {
        let origin = output.count
        var text = text
        let escapedByBytes = text.withUTF8 { bytes -> Bool in
            var start = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                // swift-mustache escapes by Character: a mark after the sign (or a prepended mark
                // before it) makes one character with it, which it leaves as it is.
                let after = index + 1 < bytes.count ? bytes[index + 1] : 0
                let before = index > 0 ? bytes[index - 1] : 0
                guard after < 0x80, before < 0x80 else { return false }
                output.append(contentsOf: bytes[start..<index])
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            output.append(contentsOf: bytes[start...])
            return true
        }
        if !escapedByBytes {
            output.removeSubrange(origin...)
            appendByCharacter(text, to: &output)
        }
    }

    /// Appends `text` escaped Character by Character, as swift-mustache does: for text where an
    /// escaped sign stands next to a non-ASCII scalar.
    private static func appendByCharacter(_ text: String, to output: inout [UInt8]) {
        for character in text {
            switch character {
            case "<": output.append(contentsOf: "&lt;".utf8)
            case ">": output.append(contentsOf: "&gt;".utf8)
            case "&": output.append(contentsOf: "&amp;".utf8)
            case "\"": output.append(contentsOf: "&quot;".utf8)
            case "'": output.append(contentsOf: "&#39;".utf8)
            default: output.append(contentsOf: character.utf8)
            }
        }
    }
}
