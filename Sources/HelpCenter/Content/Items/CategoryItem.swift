import CStar

/// A category as the site uses it, with its articles in order.
public struct CategoryItem: Sendable, Hashable {
    public var id: String
    /// The slug the API gives, which hosted links use.
    public var apiSlug: String
    /// The slug of its page.
    public var slug: String
    public var name: String
    public var description: String?
    /// Its articles' indices in ``SiteContent/articles``, in the category's order.
    public var articles: [Int]

    init(_ category: CStar.Category, slug: String) {
        id = ControlCharacters.replaced(in: category.id)
        apiSlug = ControlCharacters.replaced(in: category.slug)
        self.slug = slug
        name = ControlCharacters.replaced(in: category.name)
        description = category.description.map(ControlCharacters.replaced(in:))
        articles = []
    }
}
