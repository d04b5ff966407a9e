import Foundation

extension TemplateRenderer.SequencePosition {
    /// swift-mustache's transforms of a list position: `first()`, `last()`, `index()`, `even()`, `odd()`.
    func transform(_ name: String) -> TemplateValue? {
        switch name {
        case "first": .bool(first)
        case "last": .bool(last)
        case "index": .int(index)
        case "even": .bool(index & 1 == 0)
        case "odd": .bool(index & 1 == 1)
        default: nil
        }
    }
}

extension TemplateValue {
    /// swift-mustache's transform `name` of the value, as in `{{uppercased(title)}}`; `nil` where it
    /// has none.
    func transform(_ name: String) -> TemplateValue? {
        switch self {
        case .string(let text):
            switch name {
            case "empty": .bool(text.isEmpty)
            case "capitalized": .string(text.capitalized)
            case "lowercased": .string(text.lowercased())
            case "uppercased": .string(text.uppercased())
            case "reversed": .string(String(text.reversed()))
            default: nil
            }
        case .int(let number):
            switch name {
            case "equalzero": .bool(number == 0)
            case "plusone": .int(number + 1)
            case "minusone": .int(number - 1)
            case "even": .bool(number & 1 == 0)
            case "odd": .bool(number & 1 == 1)
            default: nil
            }
        case .list(let items):
            switch name {
            case "first": items.first
            case "last": items.last
            case "reversed": .list(items.reversed())
            case "count": .int(items.count)
            case "empty": .bool(items.isEmpty)
            default: nil
            }
        case .object(let object):
            switch name {
            case "count": .int(object.keys.count)
            case "empty": .bool(object.keys.isEmpty)
            // swift-mustache lists a dictionary's entries in hash order for `enumerated`: any order
            // is as good; `sorted` orders them by key.
            case "enumerated": .list(object.entries(sorted: false))
            case "sorted": .list(object.entries(sorted: true))
            default: nil
            }
        case .bool:
            nil
        }
    }
}

extension TemplateObject {
    /// The object's entries as `key`/`value` objects.
    func entries(sorted: Bool) -> [TemplateValue] {
        let pairs = zip(keys, values).map { ($0, $1) }
        return (sorted ? pairs.sorted { $0.0 < $1.0 } : pairs).map { key, value in .object(["key": .string(key), "value": value]) }
    }
}
