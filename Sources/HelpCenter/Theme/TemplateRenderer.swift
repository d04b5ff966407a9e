/// Fills parsed templates from a ``TemplateValue`` context into one UTF-8 buffer, with the semantics of
/// swift-mustache 2.1 over ``TemplateValue/mustacheValue``: the same lookups, truthiness, partial
/// indentation, inheritance, transforms and escaping.
struct TemplateRenderer {
    let templates: [String: ParsedTemplate]
    private(set) var output: [UInt8] = []
    /// The context stack, innermost last.
    private var stack: [TemplateValue]

    /// Where a list section is in its list, for `first()`, `last()`, `index()`, `even()`, `odd()`.
    struct SequencePosition {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// What a template is rendered within, besides the context stack.
    struct Scope {
        var sequence: SequencePosition?
        /// The indentation of the partial being rendered, added at the start of each line it writes.
        var indentation: [UInt8] = []
        /// Blocks overridden by the parents (`{{< }}`) being rendered.
        var overrides: [String: ParsedTemplate]?
        /// Whether `{{name}}` escapes for HTML (`{{% CONTENT_TYPE: TEXT}}` turns it off).
        var escapes = true
    }

    init(templates: [String: ParsedTemplate], context: TemplateValue, capacity: Int = 0) {
        self.templates = templates
        stack = [context]
        output.reserveCapacity(capacity)
    }

    /// Renders `template` at the top level.
    mutating func render(_ template: ParsedTemplate) {
        render(template, Scope())
    }

    private mutating func render(_ template: ParsedTemplate, _ initial: Scope) {
        var scope = initial
        guard !initial.indentation.isEmpty else {
            for node in template.nodes { render(node, &scope) }
            return
        }
        let start = output.count
        for node in template.nodes {
            let count = output.count
            // swift-mustache indents a token's output when what the template wrote so far ends
            // with the Character "\n" ("\r\n" is another Character).
            let atLineStart = count > start && output[count - 1] == UInt8(ascii: "\n")
                && !(count - 2 >= start && output[count - 2] == UInt8(ascii: "\r"))
            render(node, &scope)
            if atLineStart, output.count > count { output.insert(contentsOf: initial.indentation, at: count) }
        }
    }

    private mutating func render(_ node: TemplateNode, _ scope: inout Scope) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookup(name, scope) else { return }
            write(value, escaped: escaped && scope.escapes)
        case .section(let name, let body, let inverted):
            let value = lookup(name, scope)
            if inverted {
                renderInverted(value, body, scope)
            } else {
                renderSection(value, body, scope)
            }
        case .block(let name, let body, let indentation):
            var inner = scope
            inner.sequence = nil
            inner.indentation += indentation
            render(scope.overrides?[name] ?? body, inner)
        case .partial(let name, let dynamic, let indentation, let overrides):
            var templateName = name
            if dynamic {
                guard case .string(let named)? = lookup(TemplateTagName(name, transforms: []), scope) else { return }
                templateName = named
            }
            guard let template = templates[templateName] else { return }
            var inner = Scope(indentation: scope.indentation + indentation, overrides: scope.overrides)
            if let overrides {
                inner.overrides = scope.overrides?.merging(overrides) { outer, _ in outer } ?? overrides
            }
            render(template, inner)
        case .contentType(let escapes):
            scope.escapes = escapes
        case .blockDefinition:
            break
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, _ body: ParsedTemplate, _ scope: Scope) {
        switch value {
        case .list(let items)?:
            var inner = scope
            for (index, item) in items.enumerated() {
                inner.sequence = SequencePosition(first: index == 0, last: index == items.count - 1, index: index)
                stack.append(item)
                render(body, inner)
                stack.removeLast()
            }
        case .bool(let flag)?:
            if flag { render(body, scope) }
        case let value?:
            var inner = scope
            inner.sequence = nil
            stack.append(value)
            render(body, inner)
            stack.removeLast()
        case nil:
            break
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ body: ParsedTemplate, _ scope: Scope) {
        switch value {
        case .list(let items)?:
            guard items.isEmpty else { return }
            // swift-mustache renders an empty list's inverted section with the list as the context.
            var inner = scope
            inner.sequence = nil
            stack.append(TemplateValue.list([TemplateValue]()))
            render(body, inner)
            stack.removeLast()
        case .bool(let flag)?:
            if !flag { render(body, scope) }
        case .some:
            break
        case nil:
            render(body, scope)
        }
    }

    /// Writes a value as swift-mustache does (`String(describing:)`), escaped when asked.
    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            if escaped {
                HTMLEscape.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object:
            write(.string(String(describing: value.mustacheValue)), escaped: escaped)
        }
    }

    /// The value a tag names, or `nil` when the context has none.
    private func lookup(_ name: TemplateTagName, _ scope: Scope) -> TemplateValue? {
        var transforms = name.transforms[...]
        var value: TemplateValue?
        switch name.scope {
        case .current:
            value = stack.last
        case .anchored:
            value = stack.last.flatMap { Self.descend($0, name.path[...]) }
        case .stack:
            for item in stack.reversed() {
                if let child = item.child(name.path[0]) {
                    value = Self.descend(child, name.path.dropFirst())
                    break
                }
            }
        case .sequence:
            guard let position = scope.sequence, let transform = transforms.popFirst() else { return nil }
            value = position.transform(transform)
        }
        for transform in transforms {
            value = value?.transform(transform)
        }
        return value
    }

    private static func descend(_ value: TemplateValue, _ path: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for name in path {
            guard let child = value.child(name) else { return nil }
            value = child
        }
        return value
    }
}

extension TemplateValue {
    /// The value named `name`, for an object.
    func child(_ name: String) -> TemplateValue? {
        guard case .object(let object) = self else { return nil }
        return object[name]
    }
}
