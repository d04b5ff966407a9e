import CStarSnapshot
import Foundation
import HelpCenterResources
import Mustache

/// The Mustache templates a site is rendered with: the default theme, with any template of the same
/// name from an override folder taking its place.
public struct Theme: Sendable {
    /// The templates every theme must have: the layout and one per page kind.
    public static let requiredTemplates = ["layout", "home", "category", "article", "community", "topic", "post", "search", "404"]

    private let library: MustacheLibrary
    /// The same templates, parsed for rendering typed contexts.
    private let templateSet: TemplateSet
    /// Where each template was loaded from, by name.
    public let sources: [String: URL]
    /// A hash of every template's name and text, for the build cache.
    let fingerprint: UInt64
    /// Files of the override folders that are neither a template of the default theme nor a partial
    /// some template uses (a misspelled name, most likely), with the closest real name.
    public let warnings: [String]

    /// Loads the default theme, overridden by the templates in `overrides`.
    public init(overrides: URL? = nil) throws {
        try self.init(folders: [DefaultTheme.templates()] + (overrides.map { [$0] } ?? []))
    }

    /// Loads the `.mustache` files of `folders`, a later folder's template replacing an earlier one's.
    public init(folders: [URL]) throws {
        var sources: [String: URL] = [:]
        // The first folder's templates are the theme's; later folders override them.
        var themeNames: Set<String> = []
        for (index, folder) in folders.enumerated() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
                throw ThemeError(file: folder.path, message: "the templates folder does not exist")
            }
            guard isFolder.boolValue else { throw ThemeError(file: folder.path, message: "the templates folder is a file, not a folder") }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".mustache") {
                let template = String(name.dropLast(".mustache".count))
                sources[template] = folder.appendingPathComponent(name)
                if index == 0 { themeNames.insert(template) }
            }
        }
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        for (name, url) in sources.sorted(by: { $0.key < $1.key }) {
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw ThemeError(file: url.path, message: "cannot read the template (\(FileErrorReason.reason(error)))")
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                if let explained = Self.explainSection(error, in: text, file: url.path) { throw explained }
                throw ThemeError(
                    file: url.path, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: Self.describe(error.error))
            }
            texts[name] = text
        }
        for name in Self.requiredTemplates where sources[name] == nil {
            throw ThemeError(
                file: folders.last.map { $0.appendingPathComponent("\(name).mustache").path } ?? "\(name).mustache",
                message: "the theme has no '\(name)' template")
        }
        var partials: Set<String> = []
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for reference in Self.partialReferences(in: text) {
                guard sources[reference.name] != nil else {
                    throw ThemeError(
                        file: sources[name]!.path, line: reference.line,
                        message: "the partial '\(reference.name)' does not exist (no \(reference.name).mustache)")
                }
                partials.insert(reference.name)
            }
        }
        warnings = sources.filter { !themeNames.contains($0.key) && !partials.contains($0.key) }
            .sorted { $0.key < $1.key }
            .map { name, url in
                let guess = TemplateNames.closest(to: name, in: themeNames.sorted()).map { "; did you mean \($0).mustache?" }
                return "\(url.path) is not a template of the theme" + (guess ?? " and no template uses it as a partial")
            }
        self.library = library
        // swift-mustache has accepted every template above, with its error messages; TemplateSet
        // parses as it does.
        do {
            templateSet = try TemplateSet(texts)
        } catch {
            throw ThemeError(file: sources[error.template]?.path ?? error.template, message: "the template cannot be compiled (at character \(error.offset))")
        }
        self.sources = sources
        var hasher = StableHasher()
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(text)
        }
        fingerprint = hasher.finalize()
    }

    /// Renders template `name` with `context`.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders template `name` with a typed context: the same text as the dictionary version gives for
    /// ``TemplateObject``'s dictionaries, several times faster; empty for an unknown template.
    public func render(_ name: String, _ context: TemplateObject) -> String {
        templateSet.render(name, context)
    }

    /// Renders template `name` with a typed context, as UTF-8, to write to a file as it is.
    public func renderBytes(_ name: String, _ context: TemplateObject) -> [UInt8] {
        templateSet.bytes(name, context)
    }

    /// `{{> name}}` and `{{< name}}` tags, with their line numbers.
    static func partialReferences(in text: String) -> [(name: String, line: Int)] {
        var references: [(String, Int)] = []
        let tag = /\{\{\s*[><]\s*([^\s}]+)\s*\}\}/
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("{{") {
            for match in line.matches(of: tag) {
                references.append((String(match.1), index + 1))
            }
        }
        return references
    }

    /// A section error located at the tag that causes it, naming the section (swift-mustache gives
    /// only where it noticed the problem).
    static func explainSection(_ error: MustacheTemplate.ParserError, in text: String, file: String) -> ThemeError? {
        switch (error.error as? MustacheTemplate.Error, TemplateSections.problem(in: text)) {
        case (.expectedSectionEnd?, .unclosed(let open)?):
            return ThemeError(
                file: file, line: open.line, column: open.column,
                message: "the section '\(open.name)' opened here is never closed (no {{/\(open.name)}})")
        case (.sectionCloseNameIncorrect?, .mismatched(let closing, let open)?):
            return ThemeError(
                file: file, line: closing.line, column: closing.column,
                message: "{{/\(closing.name)}} does not match the innermost open section '\(open.name)' "
                    + "(opened at line \(open.line), column \(open.column), never closed)")
        default:
            return nil
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a name that does not match its opening tag"
        case .unfinishedName: return "a tag is not finished"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid configuration variable"
        case .unrecognisedConfigVariable: return "unrecognised configuration variable"
        @unknown default: return "\(error)"
        }
    }
}

/// A template that cannot be used: the file, the line and column when known, and what is wrong.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
