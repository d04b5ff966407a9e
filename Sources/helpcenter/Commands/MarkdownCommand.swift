import ArgumentParser
import Foundation
import HelpCenter

struct MarkdownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown to HTML with exactly the site's article renderer.",
        discussion: "Reads FILE, or standard input when no FILE is given, and writes HTML to standard output."
    )

    @Argument(help: "The Markdown file (default: standard input).")
    var file: String?

    @Flag(help: "Pass raw HTML through, as the site does for articles with --allow-html.")
    var allowHtml = false

    @Flag(help: "Leave headings without ids and anchor links.")
    var noHeadingAnchors = false

    func run() async throws {
        let data: Data
        if let file {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ValidationError("cannot read '\(file)': \((error as NSError).localizedDescription)")
            }
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let renderer = MarkdownRenderer(
            options: .init(allowRawHTML: allowHtml, headingAnchors: !noHeadingAnchors))
        let rendered = renderer.render(String(decoding: data, as: UTF8.self))
        if let reason = rendered.fallbackReason {
            Terminal.warning("shown as plain text: \(reason)")
        }
        FileHandle.standardOutput.write(Data(rendered.html.utf8))
    }
}
