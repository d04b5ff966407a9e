/// A theme's templates parsed once, rendered from typed contexts into UTF-8 bytes: output identical
/// to swift-mustache's over the same contexts as dictionaries, without its dynamic lookups and
/// per-character escaping.
public struct TemplateSet: Sendable {
    /// A template that does not parse: its name and the character offset where parsing stopped.
    public struct SyntaxError: Error, Sendable {
        public var template: String
        public var offset: Int
    }

    let templates: [String: ParsedTemplate]

    /// Parses `texts`, Mustache templates by name (each the others' partials).
    public init(_ texts: [String: String]) throws(SyntaxError) {
        var templates: [String: ParsedTemplate] = [:]
        for (name, text) in texts {
            do {
                templates[name] = try TemplateParser.parse(text)
            } catch {
                throw SyntaxError(template: name, offset: error.offset)
            }
        }
        self.templates = templates
    }

    /// Template `name` filled from `context`, as UTF-8; empty when there is no such template.
    /// `capacity` is reserved up front (the expected size, to spare the buffer's growth).
    public func bytes(_ name: String, _ context: TemplateObject, capacity: Int = 16_384) -> [UInt8] {
        bytes(name, root: .object(context), capacity: capacity)
    }

    /// Template `name` filled from any value (the Mustache spec's contexts are not all objects).
    func bytes(_ name: String, root context: TemplateValue, capacity: Int = 16_384) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = TemplateRenderer(templates: templates, context: context, capacity: capacity)
        renderer.render(template)
        return renderer.output
    }

    /// Template `name` filled from `context`; empty when there is no such template.
    public func render(_ name: String, _ context: TemplateObject) -> String {
        String(decoding: bytes(name, context), as: UTF8.self)
    }
}
