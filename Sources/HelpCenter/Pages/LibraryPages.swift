import CStar
import Foundation

extension PageRenderer {
    /// How many popular articles the home page lists, and the search page offers when nothing matches.
    static let popularCount = 8

    /// The popular articles of the home and search pages, as a list shows them.
    func popularSummaries(links: PageLinks) -> [String: Any] {
        ["popular": content.popular.prefix(Self.popularCount).map { articleSummary($0, links: links) }, "hasPopular": !content.popular.isEmpty]
    }

    func home() -> RenderedPage {
        let links = PageLinks(path: SitePaths.home, basePath: options.basePath)
        var context: [String: Any] = [
            "categories": content.categories.map { entry -> [String: Any] in
                var category: [String: Any] = [
                    "name": entry.category.name, "url": links.url(SitePaths.category(entry.slug)),
                    "articleCountLabel": count(entry.articles.count, "article", "articles"),
                ]
                if let description = entry.category.description, !description.isEmpty { category["description"] = description }
                return category
            },
        ]
        context.merge(popularSummaries(links: links)) { a, _ in a }
        let topPosts = content.posts.sorted { $0.post.voteCount > $1.post.voteCount }.prefix(5)
        context["topPosts"] = topPosts.map { postSummary($0, links: links) }
        context["hasTopPosts"] = !topPosts.isEmpty
        let description = "Answers and guides for \(siteTitle): \(content.articles.count) articles in \(content.categories.count) categories."
        return page(
            path: SitePaths.home, kind: .home, title: "\(siteTitle) Help Center", description: description,
            context: context, links: links, lastModified: content.articles.compactMap(\.article.updatedAt).max())
    }

    func category(_ index: Int) -> RenderedPage {
        let entry = content.categories[index]
        let path = SitePaths.category(entry.slug)
        let links = PageLinks(path: path, basePath: options.basePath)
        let trail: [(name: String, path: String?)] = [("Help Center", SitePaths.home), (entry.category.name, nil)]
        var category: [String: Any] = ["name": entry.category.name]
        if let description = entry.category.description, !description.isEmpty { category["description"] = description }
        let context: [String: Any] = [
            "category": category, "breadcrumbs": breadcrumbs(trail, links: links),
            "articles": entry.articles.map { articleSummary($0, links: links) },
            "articleCountLabel": count(entry.articles.count, "article", "articles"),
        ]
        return page(
            path: path, kind: .category, title: entry.category.name,
            description: entry.category.description ?? "\(entry.category.name): \(count(entry.articles.count, "article", "articles")).",
            jsonLD: [breadcrumbData(trail, current: path)], context: context, links: links,
            lastModified: entry.articles.compactMap(\.article.updatedAt).max())
    }

    func article(_ index: Int) -> RenderedPage {
        let entry = content.articles[index]
        let article = entry.article
        let path = SitePaths.article(entry.slug)
        let links = PageLinks(path: path, basePath: options.basePath)
        let rendered = markdown(.article, article.content ?? "", rewrite: markdownLinkRewriter(.article(index))!)
        var warnings: [BuildWarning] = []
        if let reason = rendered.fallbackReason {
            warnings.append(.init(.markdownFallback, "article '\(article.title)' (\(entry.slug)) shown as plain text: \(reason)"))
        }
        warnings += unknownLinkTargets(.article(index), sourceLinks: rendered.sourceLinks)
        let category = entry.categoryIndex.map { content.categories[$0] }
        var trail: [(name: String, path: String?)] = [("Help Center", SitePaths.home)]
        if let category { trail.append((category.category.name, SitePaths.category(category.slug))) }
        trail.append((article.title, nil))

        var details: [String: Any] = ["title": article.title, "html": rendered.html, "readingTime": readingTime(entry)]
        details.merge(DisplayDate.context(article.updatedAt ?? article.publishedAt, prefix: "updated")) { a, _ in a }
        if let category {
            details["categoryName"] = category.category.name
            details["categoryURL"] = links.url(SitePaths.category(category.slug))
        }
        if !article.tags.isEmpty { details["tags"] = article.tags }

        var context: [String: Any] = ["article": details, "breadcrumbs": breadcrumbs(trail, links: links)]
        let toc = rendered.headings.filter { (2...3).contains($0.level) }
        context["toc"] = toc.map { ["id": $0.id, "text": $0.text, "level": $0.level] as [String: Any] }
        context["hasTOC"] = toc.count >= 2
        if let category, let position = category.articles.firstIndex(where: { $0.slug == entry.slug }) {
            if position > 0 { context["previous"] = articleSummary(category.articles[position - 1], links: links) }
            if position + 1 < category.articles.count { context["next"] = articleSummary(category.articles[position + 1], links: links) }
            context["hasPager"] = category.articles.count > 1
        }
        let related = relatedArticles(to: index)
        context["related"] = related.map { articleSummary($0, links: links) }
        context["hasRelated"] = !related.isEmpty
        if let api = options.feedbackAPI {
            var origin = api.absoluteString
            while origin.hasSuffix("/") { origin.removeLast() }
            context["feedback"] = [
                "endpoint": origin + APIRoute.libraryFeedback.path(team: content.snapshot.team.slug, slug: article.slug)
            ]
        }
        let description = article.metaDescription ?? article.excerpt ?? String(rendered.text.prefix(160))
        let document = SearchDocument(
            kind: .article, title: article.title, path: path, group: category?.category.name,
            excerpt: excerpt(article.excerpt, text: rendered.text),
            headings: toc.map { .init(text: $0.text, id: $0.id) }, body: rendered.text,
            popularity: article.viewCount ?? 0, status: nil)
        let result = page(
            path: path, kind: .article, title: article.title, description: description,
            jsonLD: [
                JSONLD.article(
                    title: article.title, description: description, published: article.publishedAt,
                    modified: article.updatedAt, section: category?.category.name, url: options.absoluteURL(path)),
                breadcrumbData(trail, current: path),
            ],
            context: context, links: links, lastModified: article.updatedAt ?? article.publishedAt, warnings: warnings)
        return finish(result, search: document, sourceLinks: rendered.sourceLinks)
    }

    /// Up to five articles: shared tags first, then the same category, most viewed first.
    func relatedArticles(to index: Int) -> [SiteContent.ArticleEntry] {
        // Only articles sharing a tag or the category can score: count those up instead of all.
        var scores: [Int: Int] = [:]
        if let category = content.articles[index].categoryIndex {
            for other in articlesByCategory[category] ?? [] { scores[other, default: 0] += 1 }
        }
        for tag in articleTags[index] {
            for other in articlesByTag[tag] ?? [] { scores[other, default: 0] += 2 }
        }
        scores[index] = nil
        func ranksBefore(_ lhs: (index: Int, score: Int), _ rhs: (index: Int, score: Int)) -> Bool {
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if viewCounts[lhs.index] != viewCounts[rhs.index] { return viewCounts[lhs.index] > viewCounts[rhs.index] }
            return lhs.index < rhs.index
        }
        var best: [(index: Int, score: Int)] = []
        for candidate in scores where best.count < 5 || ranksBefore((candidate.key, candidate.value), best[4]) {
            let item = (index: candidate.key, score: candidate.value)
            best.insert(item, at: best.firstIndex { ranksBefore(item, $0) } ?? best.count)
            if best.count > 5 { best.removeLast() }
        }
        return best.map { content.articles[$0.index] }
    }

    func search() -> RenderedPage {
        let links = PageLinks(path: SitePaths.search, basePath: options.basePath)
        return page(
            path: SitePaths.search, kind: .search, title: "Search", description: "Search the \(siteTitle) help center.",
            context: popularSummaries(links: links), links: links)
    }

    func notFound() -> RenderedPage {
        let links = PageLinks(path: SitePaths.notFound, basePath: options.basePath, absolute: true)
        return page(
            path: SitePaths.notFound, kind: .notFound, title: "Page not found", description: nil,
            context: [
                "popular": content.popular.prefix(5).map { articleSummary($0, links: links) },
                "hasPopular": !content.popular.isEmpty,
            ], links: links)
    }
}
