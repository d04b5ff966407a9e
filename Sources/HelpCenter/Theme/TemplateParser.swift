/// Parses Mustache text into a ``ParsedTemplate`` exactly as swift-mustache 2.1 does: the same
/// standalone-line rules, partial indentation, set delimiters, comments, pragmas and inheritance, read
/// by grapheme as swift-mustache reads them (its quirks included, so that output stays byte-identical).
/// Error messages and positions come from swift-mustache's parser, which ``Theme`` runs first.
struct TemplateParser {
    /// The text is not a template swift-mustache accepts.
    struct Failure: Error, Sendable {
        var offset: Int
    }

    private let text: [Character]
    private var position = 0

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var partialDefinitionIndent: Int?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    /// Parses `text`.
    static func parse(_ text: String) throws(Failure) -> ParsedTemplate {
        var parser = TemplateParser(text: Array(text))
        return try parser.parse(State())
    }

    private init(text: [Character]) { self.text = text }

    private var atEnd: Bool { position == text.count }
    private var current: Character { atEnd ? "\0" : text[position] }
    private var failure: Failure { Failure(offset: position) }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = nameCharacters.union("()/")
    private static let tagNameCharacters = nameCharacters.union("()")
    private static let blanks: Set<Character> = [" ", "\t"]

    @discardableResult
    private mutating func read(while accepts: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !atEnd, accepts(text[position]) { position += 1 }
        return text[start..<position]
    }

    /// Reads `string` if it comes next; like swift-mustache, fails when fewer characters are left.
    private mutating func read(_ string: [Character]) throws(Failure) -> Bool {
        guard text.count - position >= string.count else { throw failure }
        guard text[position..<position + string.count].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    private mutating func parse(_ initial: State) throws(Failure) -> ParsedTemplate {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(Array(String(whiteSpaceBefore).utf8)))
                whiteSpaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine {
                let whiteSpace = Array(read(while: Self.blanks.contains))
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                nodes.append(.text(Array(String(whiteSpaceBefore + text + [current]).utf8)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(String(whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let body = try parse(state.section(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(TemplateTagName(name, transforms: transforms), body, inverted: inverted))
            case "/":
                position += 1
                let start = position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = start
                    throw failure
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return ParsedTemplate(nodes: nodes)
            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)
            case "{":
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try parseName(state)
                guard try read(["}"]) else { throw failure }
                nodes.append(.variable(TemplateTagName(name, transforms: transforms), escaped: false))
            case "&":
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(TemplateTagName(name, transforms: transforms), escaped: false))
            case ">":
                position += 1
                read(while: \.isWhitespace)
                var dynamic = false
                if current == "*" {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(String(whiteSpaceBefore).utf8))) }
                let standalone = isStandalone(state)
                setNewLine = standalone
                let indentation = standalone ? Array(String(whiteSpaceBefore).utf8) : []
                nodes.append(.partial(name, dynamic: dynamic, indentation: indentation, overrides: nil))
                whiteSpaceBefore = []
            case "<":
                position += 1
                read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(String(whiteSpaceBefore).utf8))) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.inheritancePartial(sectionName))
                var overrides: [String: ParsedTemplate] = [:]
                for node in body.nodes {
                    switch node {
                    case .blockDefinition(let block, let template): overrides[block] = template
                    case .text: break
                    default: throw failure
                    }
                }
                nodes.append(.partial(name, dynamic: dynamic, indentation: Array(String(whiteSpaceBefore).utf8), overrides: overrides))
                whiteSpaceBefore = []
            case "$":
                position += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw failure }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.section(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(String(whiteSpaceBefore).utf8))) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.section(name, newLine: setNewLine))
                    nodes.append(.block(name, body, indentation: Array(String(whiteSpaceBefore).utf8)))
                    whiteSpaceBefore = []
                }
            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)
            case "%":
                position += 1
                nodes.append(try parseConfigVariable(state))
                setNewLine = isStandalone(state)
            default:
                flushWhiteSpace()
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(TemplateTagName(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw failure }
        return ParsedTemplate(nodes: nodes)
    }

    /// Text up to the next tag (whose opening delimiter it reads) or line end.
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws(Failure) -> [Character] {
        guard let first = state.start.first else { return [] }
        var text: [Character] = []
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != first }
            if current.isNewline {
                break
            } else if current == first {
                if try read(state.start) { break }
                text.append(first)
                position += 1
            }
        }
        return text
    }

    private mutating func parseName(_ state: State) throws(Failure) -> (String, [String]) {
        read(while: \.isWhitespace)
        let text = String(read(while: Self.tagNameCharacters.contains))
        read(while: \.isWhitespace)
        guard try read(state.end) else { throw failure }
        var name = Substring(text)
        let function = name.prefix { Self.nameCharacters.contains($0) }
        name = name.dropFirst(function.count)
        if name.isEmpty { return (text, []) }
        guard name.first == "(" else { throw failure }
        name = name.dropFirst()
        var transforms = [String(function)]
        while true {
            let part = name.prefix { Self.nameCharacters.contains($0) }
            name = name.dropFirst(part.count)
            switch name.first {
            case ")":
                name = name.dropFirst()
                let closing = name.prefix { $0 == ")" }
                guard closing.count + 1 == transforms.count, closing.count == name.count else { throw failure }
                return (String(part), transforms)
            case "(":
                name = name.dropFirst()
                transforms.append(String(part))
            default:
                throw failure
            }
        }
    }

    private mutating func parsePartialName(_ state: State) throws(Failure) -> String {
        read(while: \.isWhitespace)
        let text = String(read(while: Self.partialNameCharacters.contains))
        read(while: \.isWhitespace)
        guard try read(state.end) else { throw failure }
        return text
    }

    /// Skips a comment up to the closing delimiter, matched as swift-mustache matches it (without
    /// backtracking).
    private mutating func skipComment(_ state: State) throws(Failure) {
        var matched = 0
        while !atEnd {
            if text[position] == state.end[matched] {
                matched += 1
                if matched == state.end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw failure
    }

    private mutating func parseSetDelimiter(_ state: State) throws(Failure) -> State {
        read(while: \.isWhitespace)
        let start = Array(read { !$0.isWhitespace })
        guard !atEnd else { throw failure }
        read(while: \.isWhitespace)
        let end = Array(read { $0 != "=" && !$0.isWhitespace })
        guard !atEnd else { throw failure }
        read(while: \.isWhitespace)
        guard !atEnd, current == "=" else { throw failure }
        position += 1
        guard try read(state.end), !start.isEmpty, !end.isEmpty else { throw failure }
        var state = state
        state.start = start
        state.end = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    private mutating func parseConfigVariable(_ state: State) throws(Failure) -> TemplateNode {
        read(while: \.isWhitespace)
        let variable = String(read(while: Self.nameCharacters.contains))
        read(while: \.isWhitespace)
        guard !atEnd, current == ":" else { throw failure }
        position += 1
        read(while: \.isWhitespace)
        let value = String(read(while: Self.nameCharacters.contains))
        read(while: \.isWhitespace)
        guard try read(state.end), variable == "CONTENT_TYPE" else { throw failure }
        switch value {
        case "HTML": return .contentType(escapes: true)
        case "TEXT": return .contentType(escapes: false)
        default: throw failure
        }
    }

    /// Whether the tag just read stands alone on its line; if so, reads the rest of the line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < text.count, Self.blanks.contains(text[probe]) { probe += 1 }
        guard probe < text.count, text[probe].isNewline else { return false }
        position = probe + 1
        return true
    }
}
