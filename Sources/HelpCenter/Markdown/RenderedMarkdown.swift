import Foundation

/// The HTML of one Markdown document and what the site needs to know about it.
public struct RenderedMarkdown: Sendable, Hashable {
    /// A heading with the id it was given in ``html``.
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var id: String
        public var text: String
    }

    public var html: String
    public var headings: [Heading]
    /// The text without markup, block by block on separate lines (for search, excerpts, reading time).
    public var text: String
    /// Every link target in ``html``, after rewriting, in document order.
    public var links: [String]
    /// Every link target as the Markdown wrote it, before rewriting, in document order.
    public var sourceLinks: [String]
    /// Why the document was not rendered as Markdown, when a safety limit stopped it.
    public var fallbackReason: String?

    /// The number of words in ``text``.
    public var wordCount: Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
