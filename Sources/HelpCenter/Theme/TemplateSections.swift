/// Where the sections of a Mustache template open and close, to name the section a template leaves
/// open (the parser reports only where it noticed: the end of the text, or a closing tag).
enum TemplateSections {
    /// A section tag: its name and where it is (line and column from 1).
    struct Tag: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    enum Problem: Equatable {
        /// A section opened and never closed (the innermost one).
        case unclosed(Tag)
        /// A closing tag whose name is not that of the innermost open section.
        case mismatched(closing: Tag, open: Tag)
    }

    /// The first section problem of `text`: sections open with `{{#name}}`, `{{^name}}`, `{{$name}}`
    /// or `{{<name}}` and close with `{{/name}}`.
    static func problem(in text: String) -> Problem? {
        var open: [Tag] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for match in line.matches(of: /\{\{\s*([#^$<\/])\s*([^\s}]+)\s*\}\}/) {
                let tag = Tag(name: String(match.2), line: index + 1, column: line.distance(from: line.startIndex, to: match.range.lowerBound) + 1)
                guard match.1 == "/" else {
                    open.append(tag)
                    continue
                }
                guard let innermost = open.last else { continue }
                guard innermost.name == tag.name else { return .mismatched(closing: tag, open: innermost) }
                open.removeLast()
            }
        }
        return open.last.map(Problem.unclosed)
    }
}
