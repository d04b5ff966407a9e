import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import HelpCenterResources

/// What one input must never do, for each part under test. A violated property is returned as text;
/// a crash or hang shows itself.
enum FuzzTargets {
    /// The snapshot reader: the fast parser and `JSONDecoder` agree on which inputs are snapshots and
    /// on what they contain, and neither crashes.
    static func snapshot(_ bytes: [UInt8]) -> String? {
        let data = Data(bytes)
        return agreement(
            try? Snapshot(data: data), try? JSONDecoder().decode(Snapshot.self, from: data), reader: "the fast reader",
            input: "a snapshot", values: "snapshots")
    }

    /// The JSON parser: accepts exactly what `JSONDecoder` accepts, with the same values.
    static func json(_ bytes: [UInt8]) -> String? {
        let data = Data(bytes)
        return agreement(
            try? JSONValue(parsing: data), try? JSONDecoder().decode(JSONValue.self, from: data), reader: "JSONValue(parsing:)",
            input: "JSON", values: "values")
    }

    /// How `reader`'s result differs from `JSONDecoder`'s for the same input, if it does.
    static func agreement<Value: Equatable>(_ read: Value?, _ decoded: Value?, reader: String, input: String, values: String) -> String? {
        switch (read, decoded) {
        case (nil, nil): nil
        case (let read?, let decoded?): read == decoded ? nil : "\(reader) and JSONDecoder read different \(values)"
        case (_?, nil): "\(reader) accepted \(input) that JSONDecoder refuses"
        case (nil, _?): "JSONDecoder accepted \(input) that \(reader) refuses"
        }
    }

    static let renderer = MarkdownRenderer()

    /// The community Markdown renderer: no script, event handler or dangerous URL in any tag, no internal
    /// marker in the output, the same HTML twice, and no more than a second.
    static func markdown(_ text: String) -> String? {
        let started = ContinuousClock.now
        let first = renderer.render(text)
        let elapsed = ContinuousClock.now - started
        if elapsed > .seconds(1) { return "rendering took \(elapsed)" }
        if first.html.contains("\u{1}") { return "an internal marker reached the HTML" }
        if let tag = dangerousTag(in: first.html) { return "the HTML has a dangerous tag: \(tag)" }
        if renderer.render(text).html != first.html { return "two renders of the same text differ" }
        return nil
    }

    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background"]
    static let forbiddenElements: Set<String> = ["script", "style", "iframe", "object", "embed", "base", "form", "svg", "math"]

    /// The first tag of `html` that is a forbidden element, has an event handler, or a script URL. Text is
    /// escaped in the renderer's HTML, so every `<` starts a tag, and `>` never appears inside one.
    static func dangerousTag(in html: String) -> String? {
        for match in html.matches(of: /<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/) {
            if forbiddenElements.contains(match.output.1.lowercased()) { return String(match.output.0) }
            for (name, value) in attributes(match.output.2) {
                let url = value.drop { $0.isWhitespace || $0.isNewline }.lowercased()
                let isURL = urlAttributes.contains(name)
                if name.hasPrefix("on") || isURL && ["javascript:", "vbscript:", "data:"].contains(where: url.hasPrefix) {
                    return String(match.output.0)
                }
            }
        }
        return nil
    }

    /// The attributes of a start tag as a browser reads them: names lowercased, quoted values whole.
    static func attributes(_ text: Substring) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var rest = text[...]
        func skipSpace() { rest = rest.drop { $0.isWhitespace || $0 == "/" } }
        while true {
            skipSpace()
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != "/" }
            guard !name.isEmpty else { return result }
            rest = rest.dropFirst(name.count).drop(while: \.isWhitespace)
            var value = Substring("")
            if rest.first == "=" {
                rest = rest.dropFirst().drop(while: \.isWhitespace)
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    value = rest.dropFirst().prefix { $0 != quote }
                    rest = rest.dropFirst(value.count + 2)
                } else {
                    value = rest.prefix { !$0.isWhitespace }
                    rest = rest.dropFirst(value.count)
                }
            }
            result.append((name.lowercased(), String(value)))
        }
    }
}
