import Foundation
import HelpCenter
import Testing

/// The renderer against the `cmark-gfm` command on every example of the GFM spec, its extensions and
/// its regressions (`shared/gfm-spec`): equal HTML once the renderer's own additions are taken out.
@Suite struct GFMSpecTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var file: String
        var number: Int
        var markdown: String
        var testDescription: String { "\(file) example \(number)" }
    }

    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/gfm-spec").standardized

    static let examples: [Example] = ["spec.txt", "extensions.txt", "regression.txt"].flatMap { file in
        let text = (try? String(contentsOf: specFolder.appendingPathComponent(file), encoding: .utf8)) ?? ""
        var examples: [Example] = []
        var markdown: String?
        var inInput = false
        let fence = String(repeating: "`", count: 32)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(fence + " example") {
                markdown = ""
                inInput = true
            } else if line == fence, let input = markdown {
                examples.append(Example(file: file, number: examples.count + 1, markdown: input))
                markdown = nil
            } else if inInput, line == "." {
                inInput = false
            } else if inInput {
                markdown! += line.replacingOccurrences(of: "→", with: "\t") + "\n"
            }
        }
        return examples
    }

    /// The renderer's additions taken out: heading ids and anchors, `rel`, `loading`.
    static func withoutAdditions(_ html: String) -> String {
        html.replacingOccurrences(of: ##" <a class="heading-anchor" href="#[^"]*" aria-label="Link to this section">#</a>"##, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
            .replacingOccurrences(of: #" rel="noopener""#, with: "")
            .replacingOccurrences(of: #" loading="lazy""#, with: "")
    }

    static func cmarkGFM(_ markdown: String, unsafe: Bool) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "footnotes"] + ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
            .flatMap { ["-e", $0] } + (unsafe ? ["--unsafe"] : [])
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let reader = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return String(decoding: await reader.value, as: UTF8.self)
    }

    @Test func theSpecFilesAreThere() {
        #expect(Self.examples.filter { $0.file == "spec.txt" }.count == 673)
        #expect(Self.examples.count > 700)
    }

    @Test(arguments: examples)
    func matchesCmarkGFM(example: Example) async throws {
        for unsafe in [false, true] {
            let renderer = MarkdownRenderer(options: .init(allowRawHTML: unsafe))
            let ours = Self.withoutAdditions(renderer.render(example.markdown).html)
            let reference = try await Self.cmarkGFM(example.markdown, unsafe: unsafe)
            #expect(ours == reference, "unsafe: \(unsafe)\n\(example.markdown)")
        }
    }
}
