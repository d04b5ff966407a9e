import Foundation

/// Compact, deterministic JSON for the search index's files.
enum IndexJSON {
    indirect enum Value {
        case int(Int), string(String), array([Value]), null
    }

    static func object(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { quote($0.0) + ":" + encode($0.1) }.joined(separator: ",") + "}\n"
    }

    static func encode(_ value: Value) -> String {
        switch value {
        case .int(let number): String(number)
        case .string(let text): quote(text)
        case .array(let values): "[" + values.map(encode).joined(separator: ",") + "]"
        case .null: "null"
        }
    }

    /// A JSON string literal; `<`, `>` and `&` escaped too, so the text is inert if ever inlined.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// A short content hash for file names (64-bit FNV-1a, ``length`` hex digits kept): changes with the content.
enum ContentHash {
    static let length = 10

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let text = String(hash >> UInt64(64 - 4 * length), radix: 16)
        return String(repeating: "0", count: length - text.count) + text
    }
}
