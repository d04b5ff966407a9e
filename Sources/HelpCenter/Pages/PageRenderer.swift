import CStar
import Foundation

/// The kinds of page a site has.
public enum PageKind: String, Sendable, Codable, CaseIterable {
    case home, category, article, community, topic, post, search, notFound = "404"
}

/// A rendered page and what the rest of the build needs to know about it.
struct RenderedPage: Sendable {
    var path: String
    var kind: PageKind
    /// The page's HTML, as UTF-8.
    var html: [UInt8]
    var lastModified: Date?
    var warnings: [BuildWarning] = []
    /// The page's entry in the search index, for articles and posts.
    var search: TokenizedDocument?
    /// The distinct link targets of the page's Markdown as written, which its rendering depends on.
    var sourceLinks: [String] = []
    /// Where each of them leads, as the rendering resolved it.
    var linkTargets: [String: HostedLinks.Target?] = [:]
}

/// Renders planned pages: their Markdown, then the kind's completion, then the theme's templates.
struct PageRenderer: Sendable {
    let options: SiteOptions
    let theme: Theme
    let hosted: HostedLinks
    let articleMarkdown: MarkdownRenderer
    let communityMarkdown: MarkdownRenderer
    let tokenizer = SearchTokenizer()
    /// The values of the layout that are the same on every page.
    let site: TemplateObject
    let siteTitle: String

    /// Ids the theme's templates use; Markdown headings never get them.
    static let themeIDs: Set<String> = [
        "main", "site-search", "article-title", "toc-heading", "related-heading", "post-title", "comments-heading",
        "categories-heading", "popular-heading", "community-heading", "recent-heading", "search-input", "search-results",
        "search-status", "feedback", "feedback-heading", "feedback-text", "answer",
    ]

    init(content: SiteContent, options: SiteOptions, theme: Theme) {
        self.options = options
        self.theme = theme
        hosted = HostedLinks(content: content)
        articleMarkdown = MarkdownRenderer(options: .init(allowRawHTML: options.allowArticleHTML, reservedIDs: Self.themeIDs))
        communityMarkdown = MarkdownRenderer(options: .init(allowRawHTML: false, headingAnchors: false))
        siteTitle = content.teamDisplayName
        site = [
            "title": .string(siteTitle), "language": .string(options.language),
            "hasCommunity": .bool(content.hasCommunity), "team": .string(content.team),
            "contentSecurityPolicy": .string(options.contentSecurityPolicy),
        ]
    }

    /// A hash of what every page's layout shows of the site as a whole (``site``), a part of every
    /// page's fingerprint; the options behind the rest of the layout are in the cache's environment.
    var siteKey: UInt64 {
        var hasher = StableHasher()
        hasher.combine(template: .object(site))
        return hasher.finalize()
    }

    /// Where a link in the Markdown of `plan`'s page leads; `nil` for a link left as written.
    func resolve(_ link: String, in plan: PagePlan) -> HostedLinks.Target? {
        guard let base = plan.linkBase else { return nil }
        return hosted.resolve(link, fromArticle: base.article, page: plan.path)
    }

    /// The fingerprint of `plan`'s page, given the links its Markdown had when it was last rendered
    /// (and, for a page just rendered, where they lead).
    func fingerprint(_ plan: PagePlan, site key: UInt64, links: [String], known: [String: HostedLinks.Target?] = [:]) -> UInt64 {
        plan.fingerprint(site: key, links: links) { link in known[link] ?? resolve(link, in: plan) }
    }

    func render(_ plan: PagePlan) -> RenderedPage {
        var plan = plan
        var search: SearchDocument?
        var sourceLinks: [String] = []
        // Each link is resolved once, for the rewrite, the unknown-target warnings and the fingerprint.
        var targets: [String: HostedLinks.Target?] = [:]
        if plan.linkBase != nil {
            let pageLinks = PageLinks(path: plan.path, basePath: options.basePath)
            let original = plan
            let rewrite: MarkdownRenderer.LinkRewriter = { url -> String? in
                let target: HostedLinks.Target?
                if let known = targets[url] {
                    target = known
                } else {
                    target = resolve(url, in: original)
                    targets[url] = .some(target)
                }
                switch target {
                case .site(let path)?: return pageLinks.url(path)
                case .hosted(let absolute)?, .missing(_, let absolute)?: return absolute
                case nil: return nil
                }
            }
            let renderer = plan.kind == .article ? articleMarkdown : communityMarkdown
            let rendered = plan.markdown.map { renderer.render($0, rewriteLink: rewrite) }
            var seen = Set<String>()
            sourceLinks = rendered.flatMap(\.sourceLinks).filter { seen.insert($0).inserted }
            switch plan.completion {
            case .none: break
            case .article(let completion): search = completion.complete(&plan, rendered: rendered[0])
            case .post(let completion): search = completion.complete(&plan, rendered: rendered)
            }
            plan.warnings += unknownLinkTargets(sourceLinks, in: plan, targets: targets)
        }
        let file = plan.file
        let warnings = plan.warnings.map { BuildWarning($0.kind, $0.message, page: $0.page ?? file) }
        var context = plan.context
        context.merge(layout(plan))
        context["content"] = .string(theme.render(plan.template, context))
        return RenderedPage(
            path: file, kind: plan.kind, html: theme.renderBytes("layout", context), lastModified: plan.lastModified,
            warnings: warnings, search: search.map { TokenizedDocument($0, tokenizer: tokenizer) }, sourceLinks: sourceLinks,
            linkTargets: targets)
    }

    /// What the layout reads: the page's title and metadata, the site, and the navigation.
    private func layout(_ plan: PagePlan) -> TemplateObject {
        let links = plan.kind == .notFound
            ? PageLinks(path: plan.path, basePath: options.basePath, absolute: true)
            : PageLinks(path: plan.path, basePath: options.basePath)
        var page: TemplateObject = [
            "title": .string(plan.title), "kind": .string(plan.kind.rawValue),
            "ogType": .string(plan.kind == .article ? "article" : "website"),
            "fullTitle": .string(plan.kind == .home ? "\(siteTitle) Help Center" : "\(plan.title) – \(siteTitle)"),
        ]
        if let description = plan.description, !description.isEmpty { page["description"] = .string(description) }
        if plan.kind != .notFound, let canonical = options.absoluteURL(plan.path) { page["canonical"] = .string(canonical) }
        if !plan.jsonLD.isEmpty { page["jsonLD"] = .list(plan.jsonLD.map { .string(JSONLD.serialize($0)) }) }
        var nav: TemplateObject = [
            "home": .string(links.url(SitePaths.home)), "community": .string(links.url(SitePaths.community)),
            "search": .string(links.url(SitePaths.search)), "assets": .string(links.url(SitePaths.assets)),
            "isHome": .bool(plan.kind == .home), "isCommunity": .bool([.community, .topic, .post].contains(plan.kind)),
        ]
        if options.hasFeed { nav["feed"] = .string(links.url(SitePaths.feed)) }
        return ["page": .object(page), "root": .string(links.root), "site": .object(site), "nav": .object(nav)]
    }

    /// A warning for each link of the page (as written) that names an article or category the site
    /// does not have.
    private func unknownLinkTargets(_ links: [String], in plan: PagePlan, targets: [String: HostedLinks.Target?]) -> [BuildWarning] {
        let file = plan.file
        return links.compactMap { link in
            guard case .missing(let what, let hosted)? = targets[link] ?? resolve(link, in: plan) else { return nil }
            return BuildWarning(
                .unknownLinkTarget, "\(file): link \(link) names \(what), which the site does not have (it leads to \(hosted))",
                page: file)
        }
    }
}
