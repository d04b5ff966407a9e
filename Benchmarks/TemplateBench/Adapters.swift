import Foundation
import HelpCenter
import Mustache

extension TemplateValue {
    /// (b): what swift-mustache is handed for the value: scalars as Swift values (its sections test
    /// `Bool` by casting), lists as arrays of ``TemplateValue``, objects as ``TemplateObject``.
    var parentChild: Any {
        switch self {
        case .string(let text): text
        case .int(let number): number
        case .bool(let flag): flag
        case .list(let items): items
        case .object(let object): object
        }
    }
}

/// (b): typed contexts through swift-mustache's protocols: an object answers `child(named:)`.
extension TemplateObject: MustacheParent {
    public func child(named name: String) -> Any? { self[name]?.parentChild }
}

/// (b): a list element is a ``TemplateValue``: it answers lookups when it is an object and prints as
/// its text when it is a scalar.
extension TemplateValue: MustacheParent, MustacheCustomRenderable {
    public func child(named name: String) -> Any? {
        guard case .object(let object) = self else { return nil }
        return object.child(named: name)
    }

    public var renderText: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): String(flag)
        case .list, .object: String(describing: mustacheValue)
        }
    }

    public var isNull: Bool { false }
}

/// (c): swift-mustache's escaping replaced through its content-type registry: escapes by bytes.
struct ByteHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
