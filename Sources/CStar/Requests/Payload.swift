import Foundation

/// The payload of a response: the `data` of a `{ success, data, meta }` envelope, or the whole body.
struct Payload<T: Decodable>: Decodable {
    let value: T

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: JSONKey.self), container.contains(JSONKey("data")) {
            value = try container.decode(T.self, forKey: JSONKey("data"))
        } else {
            value = try T(from: decoder)
        }
    }
}

/// A response type that reads the whole body itself, envelope included (to find totals beside `data`).
protocol DecodesWholeBody: Decodable {}

/// Turns a `DecodingError` into one line that names the JSON path, e.g.
/// `library.articles[3]: missing required key 'slug'`.
public enum DecodingErrorDescription {
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
            }.joined()
            return text.isEmpty ? "top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "invalid JSON at \(path(context)): \(underlying ?? context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing required key '\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            let found = context.debugDescription.firstMatch(of: /but found (an? )?(.+) instead/).map { "got \($0.1 ?? "a ")\($0.2)" }
            return "\(path(context)): expected \(kind(type)), " + (found ?? context.debugDescription)
        case .valueNotFound(let type, let context):
            return "\(path(context)): expected \(type) but found null"
        @unknown default:
            return "\(error)"
        }
    }

    /// A Swift type as the kind of JSON value it decodes from: `an object`, `a number`, …
    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is any BinaryInteger.Type: "a whole number"
        case is any BinaryFloatingPoint.Type: "a number"
        default:
            String(describing: type).hasPrefix("Dictionary") ? "an object" : String(describing: type).hasPrefix("Array") ? "an array" : "\(type)"
        }
    }
}
