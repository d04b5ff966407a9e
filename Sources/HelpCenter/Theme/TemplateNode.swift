/// A parsed Mustache template: its tags and text, ready to render.
struct ParsedTemplate: Sendable {
    var nodes: [TemplateNode]
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text, as UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
    case variable(TemplateTagName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(TemplateTagName, ParsedTemplate, inverted: Bool)
    /// `{{$name}}…{{/name}}` outside a parent: a block, with its default content.
    case block(String, ParsedTemplate, indentation: [UInt8])
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides; `{{>*name}}` when dynamic.
    case partial(String, dynamic: Bool, indentation: [UInt8], overrides: [String: ParsedTemplate]?)
    /// `{{% CONTENT_TYPE: HTML}}` or `TEXT`: whether the following variables are escaped.
    case contentType(escapes: Bool)
    /// `{{$name}}…{{/name}}` directly inside a parent tag: an override.
    case blockDefinition(String, ParsedTemplate)
}

/// A tag's name as swift-mustache reads it: `.`, `.name` (the current object only), `a.b.c` (looked up
/// through the context stack), and transforms such as `uppercased(name)` or `first()`.
struct TemplateTagName: Sendable, Equatable {
    enum Scope: Sendable, Equatable {
        /// `.`: the current object, and `{{}}`.
        case current
        /// A name starting with `.`: looked up in the current object only.
        case anchored
        /// Looked up from the innermost object outwards.
        case stack
        /// `first()` and the like: the position in the list being iterated.
        case sequence
    }

    var scope: Scope
    /// The dotted name's parts, empty ones dropped.
    var path: [String]
    /// Transforms in the order they apply (innermost first).
    var transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms.reversed()
        path = name.split(separator: ".").map(String.init)
        if name == "." {
            scope = .current
        } else if name.isEmpty, !transforms.isEmpty {
            scope = .sequence
        } else if name.first == "." {
            scope = .anchored
        } else {
            scope = path.isEmpty ? .current : .stack
        }
    }
}
