import Foundation

/// The name of a field in an API object, with the other spellings the API has used for it.
///
/// The first name is the canonical one, used when the SDK writes a field that was absent.
public struct JSONField: Sendable, Hashable {
    public let names: [String]

    public init(_ canonical: String, _ aliases: String...) {
        names = [canonical] + aliases
    }

    public var canonical: String { names[0] }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The value of the first spelling of `field` that is present and not `null`.
    public func value(_ field: JSONField) -> JSONValue? {
        for name in field.names {
            if let value = self[name], value != .null { return value }
        }
        return nil
    }

    public func string(_ field: JSONField) -> String? { value(field)?.stringValue }
    public func int(_ field: JSONField) -> Int? { value(field)?.intValue }
    public func bool(_ field: JSONField) -> Bool? { value(field)?.boolValue }
    public func object(_ field: JSONField) -> JSONObject? { value(field)?.objectValue }

    public func strings(_ field: JSONField) -> [String]? {
        value(field)?.arrayValue?.compactMap(\.stringValue)
    }

    /// Sets `field` under the spelling already present, or the canonical one; `nil` removes every spelling.
    public mutating func set(_ field: JSONField, _ newValue: JSONValue?) {
        guard let newValue else {
            for name in field.names { removeValue(forKey: name) }
            return
        }
        let key = field.names.first { self[$0] != nil } ?? field.canonical
        self[key] = newValue
    }
}
