import CStar
import Foundation

/// An article's page: its Markdown, a table of contents, the previous and next articles of its
/// category, related articles and the feedback widget.
enum ArticlePage {
    static func plan(_ planner: PagePlanner, article index: Int) -> PagePlan {
        let content = planner.content
        let article = content.articles[index]
        let path = SitePaths.article(article.slug)
        let links = planner.links(path)
        let category = article.categoryIndex.map { content.categories[$0] }
        var trail: [(name: String, path: String?)] = [("Help Center", SitePaths.home)]
        if let category { trail.append((category.name, SitePaths.category(category.slug))) }
        trail.append((article.title, nil))

        var details: TemplateObject = ["title": .string(article.title), "readingTime": .string(article.readingTime)]
        details.merge(DisplayDate.context(article.shownDate, prefix: "updated"))
        if let category {
            details["categoryName"] = .string(category.name)
            details["categoryURL"] = .string(links.url(SitePaths.category(category.slug)))
        }
        if !article.tags.isEmpty { details["tags"] = .list(article.tags.map(TemplateValue.string)) }

        var context: TemplateObject = ["article": .object(details), "breadcrumbs": planner.breadcrumbs(trail, links: links)]
        if let category, let position = content.positionInCategory[index] {
            if position > 0 { context["previous"] = planner.articleSummary(category.articles[position - 1], links: links) }
            if position + 1 < category.articles.count {
                context["next"] = planner.articleSummary(category.articles[position + 1], links: links)
            }
            context["hasPager"] = .bool(category.articles.count > 1)
        }
        let related = content.related[index]
        context["related"] = .list(related.map { planner.articleSummary($0, links: links) })
        context["hasRelated"] = .bool(!related.isEmpty)
        if let api = planner.options.feedbackAPI {
            var origin = api.absoluteString
            while origin.hasSuffix("/") { origin.removeLast() }
            context["feedback"] = .object([
                "endpoint": .string(origin + APIRoute.libraryFeedback.path(team: content.team, slug: article.apiSlug)),
            ])
        }
        let completion = Completion(
            slug: article.slug, metaDescription: article.metaDescription, excerpt: article.excerpt,
            published: article.publishedAt, modified: article.updatedAt, section: category?.name,
            url: planner.options.absoluteURL(path), popularity: article.viewCount)
        return PagePlan(
            kind: .article, path: path, template: "article", title: article.title,
            description: article.metaDescription ?? article.excerpt, context: context,
            jsonLD: [planner.breadcrumbData(trail, current: path)], lastModified: article.shownDate, warnings: [],
            markdown: [article.markdown], linkBase: .init(article: article.apiSlug), completion: .article(completion))
    }

    /// What the page adds once its Markdown is rendered.
    struct Completion: Sendable, Hashable {
        var slug: String
        var metaDescription: String?
        var excerpt: String?
        var published: Date?
        var modified: Date?
        var section: String?
        var url: String?
        var popularity: Int

        func combine(into hasher: inout StableHasher) {
            hasher.combine(1)
            for text in [slug, metaDescription, excerpt, section, url] { hasher.combine(text) }
            hasher.combine(published)
            hasher.combine(modified)
            hasher.combine(popularity)
        }

        /// Adds the HTML and the table of contents, a description cut from the text when the API gives
        /// none, the Article JSON-LD and a warning when the Markdown is shown as plain text; returns the
        /// page's search document.
        func complete(_ plan: inout PagePlan, rendered: RenderedMarkdown) -> SearchDocument {
            if let reason = rendered.fallbackReason {
                plan.warnings.insert(.init(.markdownFallback, "article '\(plan.title)' (\(slug)) shown as plain text: \(reason)"), at: 0)
            }
            if case .object(var details)? = plan.context["article"] {
                details["html"] = .string(rendered.html)
                plan.context["article"] = .object(details)
            }
            let toc = rendered.headings.filter { (2...3).contains($0.level) }
            plan.context["toc"] = .list(toc.map { heading -> TemplateObject in
                ["id": .string(heading.id), "text": .string(heading.text), "level": .int(heading.level)]
            })
            plan.context["hasTOC"] = .bool(toc.count >= 2)
            let description = plan.description ?? String(rendered.text.prefix(160))
            plan.description = description
            plan.jsonLD.insert(
                JSONLD.article(
                    title: plan.title, description: description, published: published, modified: modified, section: section,
                    url: url), at: 0)
            return SearchDocument(
                kind: .article, title: plan.title, path: plan.path, group: section, excerpt: Excerpt.of(excerpt, text: rendered.text),
                headings: toc.map { .init(text: $0.text, id: $0.id) }, body: rendered.text, popularity: popularity, status: nil)
        }
    }
}
