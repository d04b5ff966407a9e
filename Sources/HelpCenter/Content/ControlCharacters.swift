import CStar
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

    static func replaced(in text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }

    static func replaced(in value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(replaced(in: text))
        case .array(let values): .array(values.map(replaced(in:)))
        case .object(let object): .object(replaced(in: object))
        default: value
        }
    }

    static func replaced(in object: JSONObject) -> JSONObject {
        object.mapValues(replaced(in:))
    }

    /// The API object with every string cleaned.
    static func cleaned<T: APIObject>(_ object: T) -> T {
        T(unchecked: replaced(in: object.json))
    }
}
