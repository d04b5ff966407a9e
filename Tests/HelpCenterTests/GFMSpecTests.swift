import Foundation
@testable import HelpCenter
import TestSupport
import Testing

/// The renderer against the `cmark-gfm` command on every example of the GFM spec, its extensions and
/// its regressions (vendored in `GFMSpec/`): equal HTML once the renderer's own additions are taken out.
@Suite struct GFMSpecTests {
    struct Example: Sendable {
        var file: String
        var number: Int
        var markdown: String
        var testDescription: String { "\(file) example \(number)" }
    }

    /// The spec files, vendored in the test target's resources (`GFMSpec/README.md` has their licences).
    static let specFolder = Bundle.module.resourceURL!.appendingPathComponent("GFMSpec")

    static let examples: [Example] = ["spec.txt", "extensions.txt", "regression.txt"].flatMap { file in
        // A missing file gives no examples, which `theSpecFilesAreThere` reports.
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

    /// The renderer's additions taken out: heading ids and anchors, `rel`, and the attributes for
    /// keyboard and screen-reader users.
    static func withoutAdditions(_ html: String) -> String {
        HTMLFinisher.replacements.reduce(html) { html, tag in
            html.replacingOccurrences(of: String(decoding: tag.to, as: UTF8.self), with: String(decoding: tag.from, as: UTF8.self))
        }
            .replacingOccurrences(of: #"<div class="table-scroll" role="region" aria-label="Table \d+" tabindex="0"><table>"#, with: "<table>", options: .regularExpression)
            .replacingOccurrences(of: ##" <a class="heading-anchor" href="#[^"]*" aria-label="Link to section: [^"]*">#</a>"##, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
            .replacingOccurrences(of: #" rel="noopener""#, with: "")
    }

    /// The `cmark-gfm` command's HTML for every example, safe and unsafe, from one shell run.
    static func referenceHTML() async throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gfm-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, example) in examples.enumerated() {
            try Data(example.markdown.utf8).write(to: folder.appendingPathComponent("\(index).md"))
        }
        let extensions = "-e footnotes -e table -e strikethrough -e autolink -e tagfilter -e tasklist --table-prefer-style-attributes"
        let script = """
            cd '\(folder.path)' && for f in *.md; do
              cmark-gfm \(extensions) "$f" > "${f%.md}.safe.html" || exit 1
              cmark-gfm \(extensions) --unsafe "$f" > "${f%.md}.unsafe.html" || exit 1
            done
            """
        let result = try await ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
        guard result.status == 0 else { throw CocoaError(.fileReadUnknown) }
        var html: [String: String] = [:]
        for index in examples.indices {
            for mode in ["safe", "unsafe"] {
                html["\(index).\(mode)"] = try String(
                    contentsOf: folder.appendingPathComponent("\(index).\(mode).html"), encoding: .utf8)
            }
        }
        return html
    }

    @Test func theSpecFilesAreThere() {
        #expect(Self.examples.filter { $0.file == "spec.txt" }.count == 673)
        #expect(Self.examples.count > 700)
    }

    @Test func matchesCmarkGFMOnEveryExample() async throws {
        let reference = try await Self.referenceHTML()
        var mismatches = 0
        for (index, example) in Self.examples.enumerated() {
            for unsafe in [false, true] {
                let renderer = MarkdownRenderer(options: .init(allowRawHTML: unsafe))
                let ours = Self.withoutAdditions(renderer.render(example.markdown).html)
                let expected = reference["\(index).\(unsafe ? "unsafe" : "safe")"]
                if ours != expected { mismatches += 1 }
                #expect(ours == expected, "\(example.testDescription), unsafe: \(unsafe)\n\(example.markdown)")
            }
        }
        #expect(mismatches == 0)
    }
}
