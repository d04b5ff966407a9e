import CStar
import Foundation

/// The kinds of page a site has.
public enum PageKind: String, Sendable, Codable, CaseIterable {
    case home, category, article, community, topic, post, search, notFound = "404"
}

/// One page to render.
enum PageJob: Sendable {
    case home, search, notFound, community
    case category(Int)
    case article(Int)
    case topic(Int, byVotes: Bool, page: Int)
    case post(Int)
}

/// A rendered page and what the rest of the build needs to know about it.
struct RenderedPage: Sendable {
    var path: String
    var kind: PageKind
    var html: String
    var lastModified: Date?
    var warnings: [BuildWarning] = []
    /// The page's entry in the search index, for articles and posts.
    var search: TokenizedDocument?
    /// The link targets of the page's Markdown as written, which its rendering depends on.
    var sourceLinks: [String] = []
    /// In ``PageRenderer/Mode/fingerprint``: a hash of everything the page is made from.
    var fingerprint: UInt64 = 0
}

/// Fills the theme's templates for every page of a site.
struct PageRenderer: Sendable {
    let content: SiteContent
    let options: SiteOptions
    let theme: Theme
    let hosted: HostedLinks
    let articleMarkdown: MarkdownRenderer
    let communityMarkdown: MarkdownRenderer
    /// A hash of each renderer's options, computed once for the fingerprints of its documents.
    let articleMarkdownKey: UInt64
    let communityMarkdownKey: UInt64
    let tokenizer: SearchTokenizer
    /// Positions in ``SiteContent/articles`` by tag and by category index, for related articles.
    let articlesByTag: [String: [Int]]
    let articlesByCategory: [Int: [Int]]
    /// Each article's distinct tags and view count, by position in ``SiteContent/articles``.
    let articleTags: [Set<String>]
    let viewCounts: [Int]
    /// Each article's reading time label, by slug: counted once, since lists show it on many pages.
    let readingTimes: [String: String]
    /// ``SiteOptions/contentSecurityPolicy``, the same on every page.
    let contentSecurityPolicy: String
    /// Each topic's posts by votes (``SiteContent/TopicEntry/posts`` are newest first).
    let topicPostsByVotes: [[SiteContent.PostEntry]]
    /// Whether pages are rendered or only fingerprinted.
    var mode = Mode.render

    enum Mode: Sendable {
        /// Fill the templates and render the Markdown.
        case render
        /// Only hash what the page would be made from: its template contexts, with each Markdown
        /// document standing for its source and the renderer's options (``fingerprint(_:links:)`` adds
        /// what the link rewriter answers). Equal fingerprints mean equal pages, for the build cache,
        /// at a fraction of the cost.
        case fingerprint
    }

    /// Ids the theme's templates use; Markdown headings never get them.
    static let themeIDs: Set<String> = [
        "main", "site-search", "article-title", "toc-heading", "related-heading", "post-title", "comments-heading",
        "categories-heading", "popular-heading", "community-heading", "recent-heading", "search-input", "search-results",
        "search-status", "feedback", "feedback-heading", "feedback-text", "answer",
    ]

    init(content: SiteContent, options: SiteOptions, theme: Theme) {
        self.content = content
        self.options = options
        self.theme = theme
        hosted = HostedLinks(content: content)
        articleMarkdown = MarkdownRenderer(options: .init(allowRawHTML: options.allowArticleHTML, reservedIDs: Self.themeIDs))
        tokenizer = SearchTokenizer()
        var byTag: [String: [Int]] = [:]
        var byCategory: [Int: [Int]] = [:]
        topicPostsByVotes = content.topics.map { SiteContent.sorted($0.posts, byVotes: true) }
        articleTags = content.articles.map { Set($0.article.tags) }
        viewCounts = content.articles.map { $0.article.viewCount ?? 0 }
        contentSecurityPolicy = options.contentSecurityPolicy
        readingTimes = Dictionary(
            content.articles.map { ($0.slug, ReadingTime.label($0.article)) }, uniquingKeysWith: { first, _ in first })
        for (index, entry) in content.articles.enumerated() {
            for tag in articleTags[index] { byTag[tag, default: []].append(index) }
            if let category = entry.categoryIndex { byCategory[category, default: []].append(index) }
        }
        articlesByTag = byTag
        articlesByCategory = byCategory
        communityMarkdown = MarkdownRenderer(options: .init(allowRawHTML: false, headingAnchors: false))
        articleMarkdownKey = Self.key(of: articleMarkdown.options)
        communityMarkdownKey = Self.key(of: communityMarkdown.options)
    }

    /// Which of the two Markdown renderers a document goes through.
    enum MarkdownKind {
        /// Articles, written by the team's staff: raw HTML when allowed, heading anchors.
        case article
        /// Community posts and comments, written by the public.
        case community
    }

    private static func key(of options: MarkdownRenderer.Options) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(options.allowRawHTML)
        hasher.combine(options.headingAnchors)
        hasher.combine(options.maxBytes)
        for id in options.reservedIDs.sorted() { hasher.combine(id) }
        return hasher.finalize()
    }

    /// Every page of the site, in a fixed order.
    var jobs: [PageJob] {
        var jobs: [PageJob] = [.home, .search, .notFound]
        jobs += content.categories.indices.map(PageJob.category)
        jobs += content.articles.indices.map(PageJob.article)
        if content.hasCommunity {
            jobs.append(.community)
            for (index, topic) in content.topics.enumerated() {
                let pages = max(1, (topic.posts.count + options.postsPerPage - 1) / options.postsPerPage)
                for page in 1...pages {
                    jobs.append(.topic(index, byVotes: false, page: page))
                    jobs.append(.topic(index, byVotes: true, page: page))
                }
            }
            jobs += content.posts.indices.map(PageJob.post)
        }
        return jobs
    }

    /// The fingerprint of `job`'s page, given the links its Markdown had when it was last rendered:
    /// what the page's link rewriter answers for them now is part of it.
    func fingerprint(_ job: PageJob, links: [String]) -> UInt64 {
        var renderer = self
        renderer.mode = .fingerprint
        var hasher = StableHasher(renderer.render(job).fingerprint)
        if !links.isEmpty, let rewrite = markdownLinkRewriter(job) {
            for link in links {
                hasher.combine(link)
                hasher.combine(rewrite(link))
            }
        }
        return hasher.finalize()
    }

    /// How links in the Markdown of `job`'s page are rewritten; `nil` for pages without Markdown.
    func markdownLinkRewriter(_ job: PageJob) -> MarkdownRenderer.LinkRewriter? {
        guard let resolve = markdownLinkResolver(job) else { return nil }
        let links = PageLinks(path: resolve.page, basePath: options.basePath)
        return { url in
            switch resolve.target(url) {
            case .site(let path)?: links.url(path)
            case .hosted(let absolute)?, .missing(_, let absolute)?: absolute
            case nil: nil
            }
        }
    }

    /// Where links in the Markdown of `job`'s page lead, and the page's site path; `nil` for pages
    /// without Markdown.
    func markdownLinkResolver(_ job: PageJob) -> (page: String, target: @Sendable (String) -> HostedLinks.Target?)? {
        let (page, article): (String, String?)
        switch job {
        case .article(let index): (page, article) = (SitePaths.article(content.articles[index].slug), content.articles[index].article.slug)
        case .post(let index): (page, article) = (SitePaths.post(content.posts[index].slug), nil)
        default: return nil
        }
        return (page, { [hosted] in hosted.resolve($0, fromArticle: article, page: page) })
    }

    /// A warning for each link of `job`'s page (as written) that names an article or category the site
    /// does not have.
    func unknownLinkTargets(_ job: PageJob, sourceLinks: [String]) -> [BuildWarning] {
        guard let resolve = markdownLinkResolver(job) else { return [] }
        let file = SitePaths.file(for: resolve.page)
        var seen = Set<String>()
        return sourceLinks.compactMap { link in
            guard seen.insert(link).inserted, case .missing(let what, let hosted)? = resolve.target(link) else { return nil }
            return BuildWarning(
                .unknownLinkTarget, "\(file): link \(link) names \(what), which the site does not have (it leads to \(hosted))",
                page: file)
        }
    }

    /// The path of the file `job` writes, relative to the site root.
    func outputPath(_ job: PageJob) -> String {
        let path: String = switch job {
        case .home: SitePaths.home
        case .search: SitePaths.search
        case .notFound: SitePaths.notFound
        case .community: SitePaths.community
        case .category(let index): SitePaths.category(content.categories[index].slug)
        case .article(let index): SitePaths.article(content.articles[index].slug)
        case .topic(let index, let byVotes, let page): SitePaths.topic(content.topics[index].slug, byVotes: byVotes, page: page)
        case .post(let index): SitePaths.post(content.posts[index].slug)
        }
        return SitePaths.file(for: path)
    }

    func render(_ job: PageJob) -> RenderedPage {
        switch job {
        case .home: home()
        case .search: search()
        case .notFound: notFound()
        case .community: community()
        case .category(let index): category(index)
        case .article(let index): article(index)
        case .topic(let index, let byVotes, let page): topic(index, byVotes: byVotes, page: page)
        case .post(let index): post(index)
        }
    }

    // MARK: - Shared parts

    /// The page inside the layout, with everything every page has.
    func page(
        path: String, kind: PageKind, title: String, description: String?, jsonLD: [JSONValue] = [],
        context: [String: Any], links: PageLinks, lastModified: Date? = nil, warnings: [BuildWarning] = []
    ) -> RenderedPage {
        let warnings = warnings.map { BuildWarning($0.kind, $0.message, page: $0.page ?? SitePaths.file(for: path)) }
        var context = context.merging(common(links: links, kind: kind)) { own, _ in own }
        var page: [String: Any] = [
            "title": title, "kind": kind.rawValue, "ogType": kind == .article ? "article" : "website",
            "fullTitle": kind == .home ? "\(siteTitle) Help Center" : "\(title) – \(siteTitle)",
        ]
        if let description, !description.isEmpty { page["description"] = description }
        if kind != .notFound, let canonical = options.absoluteURL(path) { page["canonical"] = canonical }
        let template = kind == .notFound ? "404" : kind.rawValue
        if case .fingerprint = mode {
            context["page"] = page
            var hasher = StableHasher()
            for value in jsonLD { hasher.combine(json: value) }
            hasher.combine(template)
            hasher.combine(context: context)
            hasher.combine(lastModified)
            for warning in warnings { hasher.combine(warning.message) }
            return RenderedPage(
                path: SitePaths.file(for: path), kind: kind, html: "", lastModified: lastModified, warnings: warnings,
                fingerprint: hasher.finalize())
        }
        if !jsonLD.isEmpty { page["jsonLD"] = jsonLD.map(JSONLD.serialize) }
        context["page"] = page
        context["content"] = theme.render(template, context)
        return RenderedPage(
            path: SitePaths.file(for: path), kind: kind, html: theme.render("layout", context),
            lastModified: lastModified, warnings: warnings)
    }

    /// Renders a Markdown document of the page, or in ``Mode/fingerprint`` returns a stand-in
    /// whose text is the hash of what the rendering depends on.
    func markdown(_ kind: MarkdownKind, _ source: String, rewrite: @escaping MarkdownRenderer.LinkRewriter) -> RenderedMarkdown {
        let (renderer, key) = kind == .article ? (articleMarkdown, articleMarkdownKey) : (communityMarkdown, communityMarkdownKey)
        guard case .fingerprint = mode else { return renderer.render(source, rewriteLink: rewrite) }
        var hasher = StableHasher(key)
        hasher.combine(source)
        let token = "\u{0}markdown-" + String(hasher.finalize(), radix: 16)
        return RenderedMarkdown(html: token, headings: [], text: token, links: [], sourceLinks: [], fallbackReason: nil)
    }

    /// Adds the page's search entry and the distinct links its Markdown had; in ``Mode/fingerprint``
    /// adds the search document to the fingerprint instead.
    func finish(_ page: RenderedPage, search document: SearchDocument, sourceLinks: [String]) -> RenderedPage {
        var page = page
        switch mode {
        case .render:
            page.search = TokenizedDocument(document, tokenizer: tokenizer)
            var seen = Set<String>()
            page.sourceLinks = sourceLinks.filter { seen.insert($0).inserted }
        case .fingerprint:
            var hasher = StableHasher(page.fingerprint)
            hasher.combine(document.kind.rawValue)
            for text in [document.title, document.path, document.excerpt, document.body] { hasher.combine(text) }
            hasher.combine(document.group)
            for heading in document.headings {
                hasher.combine(heading.text)
                hasher.combine(heading.id)
            }
            hasher.combine(document.popularity)
            hasher.combine(document.status)
            page.fingerprint = hasher.finalize()
        }
        return page
    }

    var siteTitle: String { content.snapshot.team.displayName }

    private func common(links: PageLinks, kind: PageKind) -> [String: Any] {
        var nav: [String: Any] = [
            "home": links.url(SitePaths.home), "community": links.url(SitePaths.community),
            "search": links.url(SitePaths.search), "assets": links.url(SitePaths.assets),
            "isHome": kind == .home, "isCommunity": [.community, .topic, .post].contains(kind),
        ]
        if options.hasFeed { nav["feed"] = links.url(SitePaths.feed) }
        return [
            "root": links.root,
            "site": [
                "title": siteTitle, "language": options.language, "hasCommunity": content.hasCommunity,
                "team": content.snapshot.team.slug, "contentSecurityPolicy": contentSecurityPolicy,
            ] as [String: Any],
            "nav": nav,
        ]
    }

    func breadcrumbs(_ items: [(name: String, path: String?)], links: PageLinks) -> [[String: Any]] {
        items.map { item in
            var crumb: [String: Any] = ["name": item.name]
            if let path = item.path { crumb["url"] = links.url(path) }
            return crumb
        }
    }

    func breadcrumbData(_ items: [(name: String, path: String?)], current: String) -> JSONValue {
        JSONLD.breadcrumbs(items.map { ($0.name, options.absoluteURL($0.path ?? current)) })
    }

    func readingTime(_ entry: SiteContent.ArticleEntry) -> String {
        readingTimes[entry.slug] ?? ReadingTime.label(entry.article)
    }

    /// How a list shows an article.
    func articleSummary(_ entry: SiteContent.ArticleEntry, links: PageLinks) -> [String: Any] {
        var summary: [String: Any] = [
            "title": entry.article.title, "url": links.url(SitePaths.article(entry.slug)),
            "readingTime": readingTime(entry),
        ]
        if let excerpt = entry.article.excerpt, !excerpt.isEmpty { summary["excerpt"] = excerpt }
        if let index = entry.categoryIndex { summary["categoryName"] = content.categories[index].category.name }
        return summary.merging(DisplayDate.context(entry.article.updatedAt ?? entry.article.publishedAt, prefix: "updated")) { a, _ in a }
    }

    /// A short summary: the given excerpt, or the start of the text cut at a word.
    func excerpt(_ given: String?, text: String) -> String {
        if let given, !given.isEmpty { return given }
        // The text's lines joined by single spaces, read only as far as the excerpt needs.
        var flat = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isNewline {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                flat.append(" ")
                count += 1
                pendingSpace = false
            }
            flat.append(character)
            count += 1
            if count > 180 { break }
        }
        guard count > 180 else { return flat }
        let cut = flat.prefix(180)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
