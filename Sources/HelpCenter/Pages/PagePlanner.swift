import CStar
import Foundation

/// Plans every page of a site from its content: the pages in a fixed order, each as a ``PagePlan``.
/// Each page kind's file (`Pages/Kinds/`) holds how its plan is made; this type holds what several
/// kinds share: links, breadcrumbs and how lists show articles and posts.
struct PagePlanner: Sendable {
    let content: SiteContent
    let options: SiteOptions
    /// How lists show each article and post, but for its link (which depends on the listing page): made
    /// once, since an article is listed on many pages.
    private let articleSummaries: [TemplateObject]
    private let postSummaries: [TemplateObject]

    init(content: SiteContent, options: SiteOptions) {
        self.content = content
        self.options = options
        articleSummaries = content.articles.map { article in
            var summary: TemplateObject = ["title": .string(article.title), "readingTime": .string(article.readingTime)]
            if let excerpt = article.excerpt, !excerpt.isEmpty { summary["excerpt"] = .string(excerpt) }
            if let category = article.categoryIndex { summary["categoryName"] = .string(content.categories[category].name) }
            summary.merge(DisplayDate.context(article.shownDate, prefix: "updated"))
            return summary
        }
        postSummaries = content.posts.map { post in
            let status = Post.Status(rawValue: post.status)
            var summary: TemplateObject = [
                "title": .string(post.title), "status": .string(PostPage.statusClass(status)),
                "statusLabel": .string(PostPage.statusLabel(status)),
                "voteCountLabel": .string(Self.count(post.voteCount, "vote", "votes")),
                "commentCountLabel": .string(Self.count(post.comments.count, "comment", "comments")),
                "authorName": .string(post.authorName ?? "Anonymous"), "isPinned": .bool(post.isPinned),
                "isLocked": .bool(post.isLocked),
            ]
            summary.merge(DisplayDate.context(post.createdAt, prefix: "created"))
            return summary
        }
    }

    /// How many popular articles the home page lists, and the search page offers when nothing matches.
    static let popularCount = 8

    /// A page of the site, before it is planned: which kind, and of which item.
    enum Page: Sendable, Hashable {
        case home, search, notFound, community
        case category(Int)
        case article(Int)
        case topic(Int, byVotes: Bool, page: Int)
        case post(Int)
    }

    /// Every page of the site, in a fixed order. Each is planned (``plan(_:)``) only when it is
    /// rendered, so that a large site never holds every page's plan at once.
    func pages() -> [Page] {
        var pages: [Page] = [.home, .search, .notFound]
        pages += content.categories.indices.map(Page.category)
        pages += content.articles.indices.map(Page.article)
        if content.hasCommunity {
            pages.append(.community)
            for index in content.topics.indices {
                let count = content.topics[index].posts.count
                for page in 1...max(1, (count + options.postsPerPage - 1) / options.postsPerPage) {
                    pages.append(.topic(index, byVotes: false, page: page))
                    pages.append(.topic(index, byVotes: true, page: page))
                }
            }
            pages += content.posts.indices.map(Page.post)
        }
        return pages
    }

    /// The plan of `page`: the page kind's file (`Pages/Kinds/`) makes it.
    func plan(_ page: Page) -> PagePlan {
        switch page {
        case .home: HomePage.plan(self)
        case .search: SearchPage.plan(self)
        case .notFound: NotFoundPage.plan(self)
        case .community: CommunityPage.plan(self)
        case .category(let index): CategoryPage.plan(self, category: index)
        case .article(let index): ArticlePage.plan(self, article: index)
        case .topic(let index, let byVotes, let number): TopicPage.plan(self, topic: index, byVotes: byVotes, page: number)
        case .post(let index): PostPage.plan(self, post: index)
        }
    }

    var siteTitle: String { content.teamDisplayName }

    func links(_ path: String) -> PageLinks {
        PageLinks(path: path, basePath: options.basePath)
    }

    func breadcrumbs(_ items: [(name: String, path: String?)], links: PageLinks) -> TemplateValue {
        .list(items.map { item -> TemplateObject in
            ["name": .string(item.name), "url": item.path.map { .string(links.url($0)) }]
        })
    }

    func breadcrumbData(_ items: [(name: String, path: String?)], current: String) -> JSONValue {
        JSONLD.breadcrumbs(items.map { ($0.name, options.absoluteURL($0.path ?? current)) })
    }

    /// How a list shows an article.
    func articleSummary(_ index: Int, links: PageLinks) -> TemplateValue {
        var summary = articleSummaries[index]
        summary["url"] = .string(links.url(SitePaths.article(content.articles[index].slug)))
        return .object(summary)
    }

    /// The popular articles of the home and search pages, as a list shows them.
    func popularSummaries(links: PageLinks, count: Int = popularCount) -> TemplateObject {
        [
            "popular": .list(content.popular.prefix(count).map { articleSummary($0, links: links) }),
            "hasPopular": .bool(!content.popular.isEmpty),
        ]
    }

    /// How a list shows a post; `showsTopic: false` where the list is the topic's own page.
    func postSummary(_ index: Int, links: PageLinks, showsTopic: Bool = true) -> TemplateObject {
        let post = content.posts[index]
        var summary = postSummaries[index]
        summary["url"] = .string(links.url(SitePaths.post(post.slug)))
        if showsTopic, let topic = post.topicIndex { summary["topicName"] = .string(content.topics[topic].name) }
        return summary
    }

    /// The latest date of `dates`.
    func latest(_ dates: some Sequence<Date?>) -> Date? {
        dates.compactMap { $0 }.max()
    }

    func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        Self.count(number, singular, plural)
    }

    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
