import ArgumentParser
import CStarSnapshot
import Foundation
import HelpCenter

struct MarkdownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown to HTML with exactly the site's article renderer.",
        discussion: "Reads FILE, or standard input when FILE is - or not given, and writes HTML to standard output."
    )

    @Argument(help: "The Markdown file, UTF-8 (default, or -: standard input).")
    var file: String?

    @Flag(help: "Pass raw HTML through, as the site does for articles with --allow-html.")
    var allowHtml = false

    @Flag(help: "Leave headings without ids and anchor links.")
    var noHeadingAnchors = false

    func run() async throws {
        let text: String
        if let file, file != "-" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
                throw CommandFailure("\(file): is a folder, not a Markdown file")
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure("\(file): cannot read it (\(FileErrorReason.reason(error)))")
            }
            text = try UTF8Text.decode(data, from: file)
        } else {
            text = try UTF8Text.decode(FileHandle.standardInput.readDataToEndOfFile(), from: "standard input")
        }
        let renderer = MarkdownRenderer(
            options: .init(allowRawHTML: allowHtml, headingAnchors: !noHeadingAnchors))
        let rendered = renderer.render(text)
        if let reason = rendered.fallbackReason {
            Terminal.warning("shown as plain text: \(reason)")
        }
        FileHandle.standardOutput.write(Data(rendered.html.utf8))
    }
}
