import CStar
import Foundation

/// An article as the site uses it, read once from the API's JSON: text cleaned of control characters,
/// dates parsed, its safe slug, category and reading time settled.
public struct ArticleItem: Sendable, Hashable {
    public var id: String
    /// The slug the API gives, which hosted links and the feedback endpoint use.
    public var apiSlug: String
    /// The slug of its page (see ``SlugPolicy``).
    public var slug: String
    public var title: String
    public var markdown: String
    public var excerpt: String?
    public var metaDescription: String?
    /// The tags as the API lists them.
    public var tags: [String]
    public var viewCount: Int
    public var publishedAt: Date?
    public var updatedAt: Date?
    /// The index of the article's category in ``SiteContent/categories``; `nil` when unknown.
    public var categoryIndex: Int?
    /// The "N min read" label.
    public var readingTime: String
    /// Its place in its category where the API gives one (see ``ArticleOrder``).
    public var position: Int?

    /// The date lists and the page show: the last update, else the publication.
    public var shownDate: Date? { updatedAt ?? publishedAt }

    init(_ article: LibraryArticle, slug: String, categoryIndex: Int?) {
        id = ControlCharacters.replaced(in: article.id)
        apiSlug = ControlCharacters.replaced(in: article.slug)
        self.slug = slug
        title = ControlCharacters.replaced(in: article.title)
        markdown = ControlCharacters.replaced(in: article.content ?? "")
        excerpt = article.excerpt.map(ControlCharacters.replaced(in:))
        metaDescription = article.metaDescription.map(ControlCharacters.replaced(in:))
        tags = article.tags.map(ControlCharacters.replaced(in:))
        viewCount = article.viewCount ?? 0
        publishedAt = article.json.string(LibraryArticle.Field.publishedAt).map(ControlCharacters.replaced(in:)).flatMap(ISODate.parse)
        updatedAt = article.json.string(LibraryArticle.Field.updatedAt).map(ControlCharacters.replaced(in:)).flatMap(ISODate.parse)
        self.categoryIndex = categoryIndex
        readingTime = ReadingTime.label(readTime: article.readTime.map(ControlCharacters.replaced(in:)), markdown: markdown)
        position = ArticleOrder.position(of: article)
    }
}
