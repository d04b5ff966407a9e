import CStar
import CStarSnapshot
import Foundation

/// A snapshot resolved into the site's structure: safe slugs, categories with their articles in
/// order, topics with their posts, and the warnings found on the way.
public struct SiteContent: Sendable {
    public struct CategoryEntry: Sendable {
        public var category: CStar.Category
        public var slug: String
        /// Articles in the category's order: by their position where the API gives one, else in the
        /// API's order (see ``ArticleOrder``).
        public var articles: [ArticleEntry]
    }

    public struct ArticleEntry: Sendable {
        public var article: LibraryArticle
        public var slug: String
        /// The index of the article's category in ``SiteContent/categories``; `nil` when unknown.
        public var categoryIndex: Int?
    }

    public struct TopicEntry: Sendable {
        public var topic: Topic
        public var slug: String
        public var posts: [PostEntry]
    }

    public struct PostEntry: Sendable {
        public var post: Post
        public var slug: String
        public var topicIndex: Int?
        public var comments: [CStar.Comment]
    }

    public var snapshot: Snapshot
    public var categories: [CategoryEntry]
    /// Every published article, category by category.
    public var articles: [ArticleEntry]
    /// Article slugs from the API mapped to their safe slugs, for link rewriting.
    public var articleSlugs: [String: String]
    public var categorySlugs: [String: String]
    public var popular: [ArticleEntry]
    public var topics: [TopicEntry]
    /// Public posts, pinned first, newest first.
    public var posts: [PostEntry]
    public var warnings: [BuildWarning]

    public var hasCommunity: Bool { snapshot.community != nil }

    /// Resolves `snapshot`; control characters in its text are replaced first (they are not allowed in HTML).
    public init(snapshot: Snapshot) {
        var warnings = snapshot.fieldTypeProblems.map { BuildWarning(.fieldType, $0.description) }
        let snapshot = Self.cleaned(snapshot)
        self.snapshot = snapshot

        var categoryRegistry = SlugRegistry(kind: "category", pagePath: SitePaths.category)
        var categories: [CategoryEntry] = []
        var categoryLookup: [String: Int] = [:]
        for category in snapshot.library.categories {
            guard let slug = categoryRegistry.register(category.slug, title: category.name) else { continue }
            let index = categories.count
            categories.append(CategoryEntry(category: category, slug: slug, articles: []))
            for key in [category.slug, category.id, category.name] where categoryLookup[key] == nil {
                categoryLookup[key] = index
            }
        }
        warnings += categoryRegistry.warnings

        var articleRegistry = SlugRegistry(kind: "article", pagePath: SitePaths.article)
        var articles: [ArticleEntry] = []
        var articleSlugs: [String: String] = [:]
        for article in snapshot.library.articles {
            guard let slug = articleRegistry.register(article.slug, title: article.title) else { continue }
            let index = [article.categorySlug, article.categoryID, article.category].lazy.compactMap { $0 }
                .compactMap { categoryLookup[$0] }.first
            if index == nil {
                warnings.append(.init(
                    .unknownCategory,
                    "article '\(article.title)' (\(slug)) names no known category; it is published without one",
                    page: SitePaths.file(for: SitePaths.article(slug))))
            }
            let entry = ArticleEntry(article: article, slug: slug, categoryIndex: index)
            if let index { categories[index].articles.append(entry) }
            articles.append(entry)
            if articleSlugs[article.slug] == nil { articleSlugs[article.slug] = slug }
        }
        warnings += articleRegistry.warnings
        for index in categories.indices { categories[index].articles = ArticleOrder.sorted(categories[index].articles) }
        // Category by category, then the articles without one.
        articles = categories.flatMap(\.articles) + articles.filter { $0.categoryIndex == nil }

        let bySlug = Dictionary(articles.map { ($0.article.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var popular = snapshot.library.popular.compactMap { bySlug[$0] }
        if popular.isEmpty {
            popular = articles.sorted { ($0.article.viewCount ?? 0) > ($1.article.viewCount ?? 0) }
        }

        var topicRegistry = SlugRegistry(kind: "topic", pagePath: { SitePaths.topic($0) })
        var topics: [TopicEntry] = []
        var topicLookup: [String: Int] = [:]
        for topic in snapshot.community?.topics ?? [] {
            guard let slug = topicRegistry.register(topic.slug, title: topic.name) else { continue }
            for key in [topic.id, topic.slug] where topicLookup[key] == nil { topicLookup[key] = topics.count }
            topics.append(TopicEntry(topic: topic, slug: slug, posts: []))
        }
        warnings += topicRegistry.warnings

        var postRegistry = SlugRegistry(kind: "post", pagePath: SitePaths.post)
        var posts: [PostEntry] = []
        for post in snapshot.community?.posts ?? [] where post.isPublic {
            guard let slug = postRegistry.register(post.slug, title: post.title) else { continue }
            let index = [post.topicID, post.topicSlug].lazy.compactMap { $0 }.compactMap { topicLookup[$0] }.first
            if index == nil, post.topicID != nil || post.topicSlug != nil {
                warnings.append(.init(
                    .unknownTopic, "post '\(post.title)' (\(slug)) names no known topic",
                    page: SitePaths.file(for: SitePaths.post(slug))))
            }
            let comments = snapshot.community?.comments[post.slug] ?? []
            posts.append(PostEntry(post: post, slug: slug, topicIndex: index, comments: comments))
        }
        warnings += postRegistry.warnings
        posts = Self.sorted(posts)
        for post in posts { if let index = post.topicIndex { topics[index].posts.append(post) } }

        self.categories = categories
        self.articles = articles
        self.articleSlugs = articleSlugs
        self.categorySlugs = Dictionary(
            categories.map { ($0.category.slug, $0.slug) }, uniquingKeysWith: { first, _ in first })
        self.popular = popular
        self.topics = topics
        self.posts = posts
        self.warnings = warnings
    }

    private static func cleaned(_ snapshot: Snapshot) -> Snapshot {
        var snapshot = snapshot
        snapshot.team.name = snapshot.team.name.map(ControlCharacters.replaced(in:))
        snapshot.library.categories = snapshot.library.categories.map(ControlCharacters.cleaned)
        snapshot.library.articles = snapshot.library.articles.map(ControlCharacters.cleaned)
        if var community = snapshot.community {
            community.topics = community.topics.map(ControlCharacters.cleaned)
            community.posts = community.posts.map(ControlCharacters.cleaned)
            community.comments = community.comments.mapValues { $0.map(ControlCharacters.cleaned) }
            snapshot.community = community
        }
        return snapshot
    }

    /// Pinned first, then (with `byVotes`) most votes, then newest first; the given order breaks ties.
    static func sorted(_ posts: [PostEntry], byVotes: Bool = false) -> [PostEntry] {
        // Each post's keys are read once: a date is parsed from text on every read.
        let keys = posts.map { ($0.post.isPinned, $0.post.voteCount, $0.post.createdAt ?? .distantPast) }
        return posts.indices.sorted { lhs, rhs in
            let (a, b) = (keys[lhs], keys[rhs])
            if a.0 != b.0 { return a.0 }
            if byVotes, a.1 != b.1 { return a.1 > b.1 }
            if a.2 != b.2 { return a.2 > b.2 }
            return lhs < rhs
        }.map { posts[$0] }
    }
}
