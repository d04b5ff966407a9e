/// The steps of ``MarkdownRenderer/render(_:rewriteLink:)`` one at a time, for the Markdown benchmark
/// (`Benchmarks/markdown.py`); visible to the package's targets only.
package enum MarkdownStages {
    /// The control characters replaced.
    package static func cleaned(_ markdown: String) -> String {
        MarkdownRenderer.withoutControlCharacters(markdown)
    }

    /// The input guard's verdict, with the default byte limit.
    package static func rejection(_ markdown: String) -> String? {
        MarkdownInputGuard.rejection(markdown, maxBytes: MarkdownRenderer.Options().maxBytes)
    }

    /// cmark-gfm's HTML, parsed and rendered without the renderer's walk over the tree; `parsed` is
    /// called between parsing and rendering.
    package static func cmarkHTML(_ markdown: String, parsed: () -> Void) -> String {
        Cmark.render(markdown, unsafe: false) { _ in
            parsed()
            return true
        } ?? ""
    }

    /// The last pass over cmark's HTML.
    package static func finished(_ html: String) -> String {
        HTMLFinisher.finish(html, headingIDs: [])
    }
}
