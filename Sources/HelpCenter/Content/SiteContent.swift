import CStar
import CStarSnapshot
import Foundation

/// A snapshot resolved once into the site's structure, as plain values: safe slugs, categories with
/// their articles in order, topics with their posts, the relations pages show (related articles,
/// neighbours in a category, popular articles), and the warnings found on the way. The snapshot's JSON
/// is not kept.
public struct SiteContent: Sendable {
    /// The team's slug.
    public var team: String
    /// The team's name, else its slug: what the site is titled after.
    public var teamDisplayName: String
    /// The snapshot's API origin, whose links count as links to the hosted library.
    public var baseURL: String?
    public var categories: [CategoryItem]
    /// Every published article, category by category, then those without a known category.
    public var articles: [ArticleItem]
    /// Article slugs from the API mapped to their safe slugs, for link rewriting.
    public var articleSlugs: [String: String]
    public var categorySlugs: [String: String]
    /// Indices in ``articles``: the API's popular list, else by views.
    public var popular: [Int]
    /// Up to five indices in ``articles`` per article: shared tags first, then the same category, most
    /// viewed first.
    public var related: [[Int]]
    /// Each article's place in its category's ``CategoryItem/articles``.
    public var positionInCategory: [Int?]
    public var hasCommunity: Bool
    public var topics: [TopicItem]
    /// Public posts, pinned first, newest first.
    public var posts: [PostItem]
    public var warnings: [BuildWarning]

    /// Resolves `snapshot`; control characters in its text are replaced (they are not allowed in HTML).
    public init(snapshot: Snapshot) {
        var warnings = snapshot.fieldTypeProblems.map { BuildWarning(.fieldType, $0.description) }
        team = snapshot.team.slug
        teamDisplayName = snapshot.team.name.map(ControlCharacters.replaced(in:)).flatMap { $0.isEmpty ? nil : $0 } ?? snapshot.team.slug
        baseURL = snapshot.baseURL
        hasCommunity = snapshot.community != nil

        var categoryRegistry = SlugRegistry(kind: "category", pagePath: SitePaths.category)
        var categories: [CategoryItem] = []
        var categoryLookup: [String: Int] = [:]
        for category in snapshot.library.categories {
            var item = CategoryItem(category, slug: "")
            guard let slug = categoryRegistry.register(item.apiSlug, title: item.name) else { continue }
            let index = categories.count
            item.slug = slug
            categories.append(item)
            for key in [item.apiSlug, item.id, item.name] where categoryLookup[key] == nil {
                categoryLookup[key] = index
            }
        }
        warnings += categoryRegistry.warnings

        var articleRegistry = SlugRegistry(kind: "article", pagePath: SitePaths.article)
        var found: [ArticleItem] = []
        for article in snapshot.library.articles {
            var item = ArticleItem(article, slug: "", categoryIndex: nil)
            guard let slug = articleRegistry.register(item.apiSlug, title: item.title) else { continue }
            item.slug = slug
            item.categoryIndex = [article.categorySlug, article.categoryID, article.category].lazy.compactMap { $0 }
                .compactMap { categoryLookup[ControlCharacters.replaced(in: $0)] }.first
            if item.categoryIndex == nil {
                warnings.append(.init(
                    .unknownCategory,
                    "article '\(item.title)' (\(slug)) names no known category; it is published without one",
                    page: SitePaths.file(for: SitePaths.article(slug))))
            }
            found.append(item)
        }
        warnings += articleRegistry.warnings
        // Category by category, each in its order, then the articles without one.
        var byCategory = [[Int]](repeating: [], count: categories.count)
        for (index, article) in found.enumerated() { if let category = article.categoryIndex { byCategory[category].append(index) } }
        let positions = found.map(\.position)
        let order = byCategory.flatMap { ArticleOrder.sorted($0, positions: positions) }
            + found.indices.filter { found[$0].categoryIndex == nil }
        let articles = order.map { found[$0] }
        var positionInCategory = [Int?](repeating: nil, count: articles.count)
        for (index, article) in articles.enumerated() {
            guard let category = article.categoryIndex else { continue }
            positionInCategory[index] = categories[category].articles.count
            categories[category].articles.append(index)
        }
        var articleSlugs: [String: String] = [:]
        for article in found where articleSlugs[article.apiSlug] == nil { articleSlugs[article.apiSlug] = article.slug }

        var bySlug: [String: Int] = [:]
        for (index, article) in articles.enumerated() where bySlug[article.apiSlug] == nil { bySlug[article.apiSlug] = index }
        var popular = snapshot.library.popular.compactMap { bySlug[ControlCharacters.replaced(in: $0)] }
        if popular.isEmpty {
            popular = articles.indices.sorted { articles[$0].viewCount > articles[$1].viewCount }
        }

        var topicRegistry = SlugRegistry(kind: "topic", pagePath: { SitePaths.topic($0) })
        var topics: [TopicItem] = []
        var topicLookup: [String: Int] = [:]
        for topic in snapshot.community?.topics ?? [] {
            var item = TopicItem(topic, slug: "")
            guard let slug = topicRegistry.register(item.apiSlug, title: item.name) else { continue }
            item.slug = slug
            for key in [item.id, item.apiSlug] where topicLookup[key] == nil { topicLookup[key] = topics.count }
            topics.append(item)
        }
        warnings += topicRegistry.warnings

        var postRegistry = SlugRegistry(kind: "post", pagePath: SitePaths.post)
        var posts: [PostItem] = []
        for post in snapshot.community?.posts ?? [] where post.isPublic {
            var item = PostItem(post, slug: "", topicIndex: nil)
            guard let slug = postRegistry.register(item.apiSlug, title: item.title) else { continue }
            item.slug = slug
            let topicID = post.topicID.map(ControlCharacters.replaced(in:)), topicSlug = post.topicSlug.map(ControlCharacters.replaced(in:))
            item.topicIndex = [topicID, topicSlug].lazy.compactMap { $0 }.compactMap { topicLookup[$0] }.first
            if item.topicIndex == nil, topicID != nil || topicSlug != nil {
                warnings.append(.init(
                    .unknownTopic, "post '\(item.title)' (\(slug)) names no known topic",
                    page: SitePaths.file(for: SitePaths.post(slug))))
            }
            item.comments = (snapshot.community?.comments[item.apiSlug] ?? []).map(CommentItem.init)
            posts.append(item)
        }
        warnings += postRegistry.warnings
        posts = Self.sorted(Array(posts.indices), of: posts).map { posts[$0] }
        for (index, post) in posts.enumerated() { if let topic = post.topicIndex { topics[topic].posts.append(index) } }
        for index in topics.indices { topics[index].postsByVotes = Self.sorted(topics[index].posts, of: posts, byVotes: true) }

        self.categories = categories
        self.articles = articles
        self.articleSlugs = articleSlugs
        self.popular = popular
        self.positionInCategory = positionInCategory
        self.related = RelatedArticles.all(articles)
        self.topics = topics
        self.posts = posts
        self.warnings = warnings
        var categorySlugs: [String: String] = [:]
        for category in categories where categorySlugs[category.apiSlug] == nil { categorySlugs[category.apiSlug] = category.slug }
        self.categorySlugs = categorySlugs
    }

    /// `indices` of `posts`: pinned first, then (with `byVotes`) most votes, then newest first; the
    /// given order breaks ties.
    static func sorted(_ indices: [Int], of posts: [PostItem], byVotes: Bool = false) -> [Int] {
        indices.enumerated().sorted { lhs, rhs in
            let (a, b) = (posts[lhs.element], posts[rhs.element])
            if a.isPinned != b.isPinned { return a.isPinned }
            if byVotes, a.voteCount != b.voteCount { return a.voteCount > b.voteCount }
            let (x, y) = (a.createdAt ?? .distantPast, b.createdAt ?? .distantPast)
            if x != y { return x > y }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
