/// A value a template reads: a string, number, flag, list or object, typed so that filling a template
/// needs no dynamic casts, and hashable so that a page's context can be fingerprinted.
///
/// Objects keep their keys in the order the page code gives them: the same page gives the same value,
/// and the same fingerprint, on every build.
public enum TemplateValue: Sendable, Hashable {
    /// Text; `{{name}}` escapes it for HTML, `{{{name}}}` inserts it as it is.
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
}

/// The named values of a template object, in the order they were added. Lookups are linear: a
/// context object has a few dozen keys at most.
public struct TemplateObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String] = []
    public private(set) var values: [TemplateValue] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The value named `key`; setting `nil` removes it.
    public subscript(key: String) -> TemplateValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Adds `other`'s values whose keys this object does not have.
    public mutating func merge(_ other: TemplateObject) {
        for (key, value) in zip(other.keys, other.values) where self[key] == nil {
            keys.append(key)
            values.append(value)
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue {
    /// A list of objects.
    static func list(_ objects: [TemplateObject]) -> TemplateValue { .list(objects.map(TemplateValue.object)) }

    /// The value as swift-mustache reads it: dictionaries, arrays, strings, integers and booleans.
    public var mustacheValue: Any {
        switch self {
        case .string(let text): text
        case .int(let number): number
        case .bool(let flag): flag
        case .list(let items): items.map(\.mustacheValue)
        case .object(let object): object.mustacheValue
        }
    }
}

extension TemplateObject {
    /// The object as swift-mustache reads it.
    public var mustacheValue: [String: Any] {
        var dictionary: [String: Any] = [:]
        dictionary.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) { dictionary[key] = value.mustacheValue }
        return dictionary
    }
}
