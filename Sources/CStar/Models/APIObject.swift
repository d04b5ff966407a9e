import Foundation

/// An object of the cStar API, backed by the JSON the API sent.
///
/// Typed properties read from ``json``; encoding writes ``json`` back unchanged, so keys the SDK does
/// not model, and the spelling the API used for the ones it does, survive a decode/encode round trip.
public protocol APIObject: Codable, Sendable, Hashable {
    /// The fields every instance must have; decoding fails without them.
    static var requiredFields: [JSONField] { get }
    /// The object as the API sent it.
    var json: JSONObject { get }
    /// Wraps JSON that already holds the required fields.
    init(unchecked json: JSONObject)
}

extension APIObject {
    /// Wraps an API object, checking that the required fields are present.
    public init(json: JSONObject) throws {
        if let missing = Self.missingField(in: json) {
            throw DecodingError.keyNotFound(
                JSONKey(missing.canonical),
                .init(codingPath: [], debugDescription: "missing required key '\(missing.canonical)'")
            )
        }
        self.init(unchecked: json)
    }

    public init(from decoder: any Decoder) throws {
        let json = try decoder.singleValueContainer().decode(JSONObject.self)
        if let missing = Self.missingField(in: json) {
            throw DecodingError.keyNotFound(
                JSONKey(missing.canonical),
                .init(codingPath: decoder.codingPath, debugDescription: "missing required key '\(missing.canonical)'")
            )
        }
        self.init(unchecked: json)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(json)
    }

    private static func missingField(in json: JSONObject) -> JSONField? {
        requiredFields.first { json.value($0) == nil }
    }
}

/// A coding key made from any string.
public struct JSONKey: CodingKey, Sendable {
    public let stringValue: String
    public let intValue: Int?
    public init(_ string: String) { stringValue = string; intValue = nil }
    public init?(stringValue: String) { self.init(stringValue) }
    public init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}
