import CCmarkGFM
import Foundation

/// Renders Markdown to HTML with cmark-gfm and GitHub Flavored Markdown (tables, strikethrough,
/// autolinks, tag filter, task lists, footnotes), and adds what a help center needs: unique heading ids
/// with anchor links, link rewriting, `loading="lazy"` on images, `rel="noopener"` on external links,
/// and for keyboard and screen-reader users, code blocks and tables that can be scrolled from the
/// keyboard (`tabindex="0"`, tables in a labelled region) and task-list checkboxes with a label.
///
/// Apart from those additions the HTML equals the `cmark-gfm` command's with the same extensions and
/// `--table-prefer-style-attributes`.
public struct MarkdownRenderer: Sendable {
    public struct Options: Sendable, Hashable {
        /// Pass raw HTML through (the tag filter still applies). Never for community content.
        public var allowRawHTML: Bool
        /// Give headings ids and a visible anchor link.
        public var headingAnchors: Bool
        /// Ids the page already uses, never given to a heading.
        public var reservedIDs: Set<String>
        /// Documents larger than this many UTF-8 bytes are shown as plain text.
        public var maxBytes: Int

        public init(
            allowRawHTML: Bool = false, headingAnchors: Bool = true, reservedIDs: Set<String> = [],
            maxBytes: Int = 1_000_000
        ) {
            self.allowRawHTML = allowRawHTML
            self.headingAnchors = headingAnchors
            self.reservedIDs = reservedIDs
            self.maxBytes = maxBytes
        }
    }

    /// Maps a link target to the one the page should use, or `nil` to keep it.
    public typealias LinkRewriter = (String) -> String?

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Renders `markdown`; `rewriteLink` sees every link target (not images).
    public func render(_ markdown: String, rewriteLink: LinkRewriter? = nil) -> RenderedMarkdown {
        let source = Self.withoutControlCharacters(markdown)
        if let reason = MarkdownInputGuard.rejection(source, maxBytes: options.maxBytes) {
            return fallback(source, reason: reason)
        }
        var headings: [RenderedMarkdown.Heading] = []
        var links: [String] = []
        var sourceLinks: [String] = []
        var text = ""
        var slugger = HeadingSlugger(reserved: options.reservedIDs)
        var depth = 0
        let rendered = Cmark.render(source, unsafe: options.allowRawHTML) { document in
            let nodes: [(node: OpaquePointer, type: cmark_node_type)]
            (nodes, depth) = Cmark.walk(document)
            guard depth <= MarkdownInputGuard.maxDepth else { return false }
            text = Self.plainText(nodes)
            for (node, type) in nodes {
                switch type {
                case CMARK_NODE_HEADING where options.headingAnchors:
                    let title = Cmark.plainText(node)
                    let id = slugger.id(for: title)
                    headings.append(.init(level: Int(cmark_node_get_heading_level(node)), id: id, text: title))
                    Cmark.insertHTML(Marker.heading(headings.count - 1), into: node, atStart: true)
                    Cmark.insertHTML(
                        ##" <a class="heading-anchor" href="#\##(HTML.escape(id))" aria-label="Link to section: \##(HTML.escape(title))">#</a>"##,
                        into: node, atStart: false)
                case CMARK_NODE_HEADING:
                    headings.append(.init(level: Int(cmark_node_get_heading_level(node)), id: "", text: Cmark.plainText(node)))
                case CMARK_NODE_LINK:
                    var url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    sourceLinks.append(url)
                    if let rewritten = rewriteLink?(url) {
                        url = rewritten
                        cmark_node_set_url(node, url)
                    }
                    links.append(url)
                    if Self.isExternal(url) { Cmark.insertHTML(Marker.external, into: node, atStart: true) }
                default:
                    break
                }
            }
            return true
        }
        guard let html = rendered else {
            return fallback(
                source, reason: "its elements nest \(depth) deep, more than the limit of \(MarkdownInputGuard.maxDepth)")
        }
        return RenderedMarkdown(
            html: HTMLFinisher.finish(html, headingIDs: headings.map(\.id)),
            headings: headings, text: text, links: links, sourceLinks: sourceLinks, fallbackReason: nil)
    }

    /// Whether a link leaves the site: an absolute http(s) URL or a protocol-relative one.
    static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
    }

    /// C0 and C1 control characters other than tab, newline, carriage return and form feed become
    /// U+FFFD: they are not allowed in HTML, and the renderer's markers use one of them.
    static func withoutControlCharacters(_ text: String) -> String {
        ControlCharacters.replaced(in: text)
    }

    /// The text of a document's `nodes` (all of them, in document order), one block per line.
    private static func plainText(_ nodes: [(node: OpaquePointer, type: cmark_node_type)]) -> String {
        var lines: [String] = []
        var current = ""
        for (node, type) in nodes {
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                current += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                current += " "
            case CMARK_NODE_CODE_BLOCK:
                if !current.isEmpty { lines.append(current) }
                current = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            default:
                if (type.rawValue & 0xC000) == 0x8000, !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map(Self.trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// `line` without white space (the Unicode White_Space property) at either end.
    static func trimmed(_ line: String) -> Substring {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhiteSpace })!
        return Substring(scalars[first...last])
    }

    /// The text shown when a document is not rendered as Markdown: escaped, in a `<pre>`, and no more
    /// than ``Options/maxBytes`` of it, so that a page stays light enough for a browser.
    private func fallback(_ source: String, reason: String) -> RenderedMarkdown {
        var shown = source
        var note = ""
        let size = source.utf8.count
        if size > options.maxBytes {
            var bytes = Array(source.utf8.prefix(options.maxBytes))
            // Cut before a character whose bytes would be split.
            while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
            if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
            shown = String(decoding: bytes, as: UTF8.self)
            note = "<p class=\"unrendered-note\">This document is too long to show in full: \(bytes.count) of its \(size) bytes are shown.</p>\n"
        }
        return RenderedMarkdown(
            html: "<pre class=\"unrendered\">\(HTML.escape(shown))</pre>\n" + note, headings: [], text: shown, links: [],
            sourceLinks: [], fallbackReason: reason)
    }
}
