import Foundation
import HelpCenterResources
import Mustache
import Testing

@testable import HelpCenter
@testable import SyntheticCorpus

/// ``TemplateSet`` against swift-mustache: every template of the default theme, and templates that
/// use what the theme does not (transforms, inheritance, delimiters, pragmas, partial indentation),
/// filled from random contexts, must give byte-identical output.
@Suite struct TemplateDifferentialTests {
    static let rounds = 30

    static let extraTemplates: [String: String] = [
        "x-sequence": "{{#list}}{{#first()}}[{{/first()}}{{.}}{{^last()}}, {{/last()}}{{index()}}{{plusone(index())}}{{/list}}\n",
        "x-transforms": "{{uppercased(name)}} {{lowercased(name)}} {{capitalized(name)}} {{#reversed(name)}}{{.}}{{/reversed(name)}} {{count(list)}} "
            + "{{#empty(list)}}E{{/empty(list)}} {{even(n)}} {{plusone(n)}} {{#equalzero(n)}}Z{{/equalzero(n)}} {{first(list)}}\n",
        "x-text": "{{%CONTENT_TYPE: TEXT}}{{name}}\n{{>x-partial}}\n",
        "x-partial": "{{name}}\n",
        "x-indent": "a\n  {{>x-indented}}\n\t{{> x-indented }} tail\nb\n",
        "x-indented": "x\n{{name}}\ny\n{{#list}}\n{{.}}\n{{/list}}\n  {{^list}}\n  none\n  {{/list}}\n",
        "x-parent": "<{{$title}}T{{/title}}>\n  {{$body}}\n  B{{name}}\n  {{/body}}\n",
        "x-child": "{{<x-parent}}\n{{$title}}X{{name}}{{/title}}\n{{/x-parent}}\n{{<x-parent}}{{$body}}{{#list}}<{{.}}>{{/list}}{{/body}}{{/x-parent}}",
        "x-delimiters": "{{=<% %>=}}<% name %> <%={{ }}=%>{{name}}\n  {{=| |=}}\n|#obj||name||/obj|\n",
        "x-names": "{{.name}} {{#obj}}{{.name}}|{{name}}|{{n}}{{/obj}} {{obj.name}} {{obj.obj.n}} {{{name}}} {{&name}}\n",
        "x-dynamic": "{{>*dyn}}|{{#obj}}{{>*dyn}}{{/obj}}\n",
        "x-standalone": "a {{#obj}}\nb\n{{/obj}}\n  {{#list}}\n  c\n  {{/list}}\n{{! comment }}\n  {{! standalone }}  \r\n{{#n}}{{.}}{{/n}}\r\n",
    ]

    static func themeTexts() throws -> [String: String] {
        let folder = try DefaultTheme.templates()
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            texts[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return texts
    }

    @Test func randomContextsRenderAsSwiftMustacheDoes() throws {
        let texts = try Self.themeTexts().merging(Self.extraTemplates) { theme, _ in theme }
        let ours = try TemplateSet(texts)
        var library = MustacheLibrary()
        for (name, text) in texts { library.register(try MustacheTemplate(string: text), named: name) }
        var names = ContextNames()
        for template in ours.templates.values { names.collect(template.nodes) }
        var generator = SeededGenerator(seed: 14)
        var compared = 0
        for name in texts.keys.sorted() where !name.hasSuffix("-partial") && !name.hasSuffix("-indented") {
            for round in 0..<Self.rounds {
                let context = names.object(depth: 0, using: &generator)
                let expected = library.render(TemplateValue.object(context).mustacheValue, withTemplate: name) ?? ""
                let actual = ours.render(name, context)
                #expect(actual == expected, "\(name), round \(round)")
                if actual != expected { return }
                compared += 1
            }
        }
        #expect(compared == Self.rounds * (texts.count - 2))
    }
}

/// The names templates use, and random contexts over them: names that templates print (`{{name}}`,
/// and `{{.}}` in a section over a name) get text, numbers, flags and lists of those, since
/// swift-mustache prints a dictionary in hash order; the others also get objects.
struct ContextNames {
    var all: Set<String> = []
    var printed: Set<String> = []
    /// Names whose sections print `{{.}}`: a flag there would print the enclosing object.
    var printedAsCurrent: Set<String> = []

    mutating func collect(_ nodes: [TemplateNode], section: String? = nil) {
        for node in nodes {
            switch node {
            case .variable(let name, _):
                all.formUnion(name.path)
                if let last = name.path.last { printed.insert(last) }
                if name.scope == .current, let section {
                    printed.insert(section)
                    printedAsCurrent.insert(section)
                }
            case .section(let name, let body, _):
                all.formUnion(name.path)
                collect(body.nodes, section: name.path.last)
            case .block(_, let body, _), .blockDefinition(_, let body):
                collect(body.nodes, section: section)
            case .partial(let name, let dynamic, _, let overrides):
                if dynamic {
                    all.insert(name)
                    printed.insert(name)
                }
                for override in overrides?.values ?? [:].values { collect(override.nodes, section: section) }
            case .text, .contentType:
                break
            }
        }
    }

    static let pieces = ["<", ">", "&", "\"", "'", "é", "e\u{301}", "&\u{301}", "\u{600}<", "日本", "🙂", "a b", "\n", "\r\n", "{{x}}", "", "x", "0"]

    func string(using generator: inout SeededGenerator) -> String {
        (0..<generator.int(0...4)).map { _ in Self.pieces[generator.int(0...(Self.pieces.count - 1))] }.joined()
    }

    func scalar(_ key: String, using generator: inout SeededGenerator) -> TemplateValue {
        if key == "dyn" { return .string(["x-partial", "x-indented", "missing", ""][generator.int(0...3)]) }
        switch generator.int(0...(printedAsCurrent.contains(key) ? 2 : 4)) {
        case 0, 1: return .string(string(using: &generator))
        case 2: return .int(generator.int(-3...3))
        default: return .bool(generator.int(0...1) == 1)
        }
    }

    func value(_ key: String, depth: Int, using generator: inout SeededGenerator) -> TemplateValue? {
        let choice = generator.int(0...9)
        if choice == 0 { return nil }
        if printed.contains(key) || depth >= 2 {
            guard choice >= 8 else { return scalar(key, using: &generator) }
            return .list((0..<generator.int(0...3)).map { _ in scalar(key, using: &generator) })
        }
        switch choice {
        case 1...3: return .object(object(depth: depth + 1, using: &generator))
        case 4...6: return .list((0..<generator.int(0...3)).map { _ in .object(object(depth: depth + 1, using: &generator)) })
        default: return scalar(key, using: &generator)
        }
    }

    func object(depth: Int, using generator: inout SeededGenerator) -> TemplateObject {
        var object = TemplateObject()
        for key in all.sorted() where generator.int(0...(depth == 0 ? 1 : 7)) == 0 {
            object[key] = value(key, depth: depth, using: &generator)
        }
        return object
    }
}
