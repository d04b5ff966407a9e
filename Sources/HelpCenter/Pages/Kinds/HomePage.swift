/// The home page: the categories with their article counts, the popular articles and the top posts.
enum HomePage {
    static func plan(_ planner: PagePlanner) -> PagePlan {
        let content = planner.content
        let links = planner.links(SitePaths.home)
        var context: TemplateObject = [
            "categories": .list(content.categories.map { category -> TemplateObject in
                var item: TemplateObject = [
                    "name": .string(category.name), "url": .string(links.url(SitePaths.category(category.slug))),
                    "articleCountLabel": .string(planner.count(category.articles.count, "article", "articles")),
                ]
                if let description = category.description, !description.isEmpty { item["description"] = .string(description) }
                return item
            }),
        ]
        context.merge(planner.popularSummaries(links: links))
        let topPosts = content.posts.indices.sorted { content.posts[$0].voteCount > content.posts[$1].voteCount }.prefix(5)
        context["topPosts"] = .list(topPosts.map { planner.postSummary($0, links: links) })
        context["hasTopPosts"] = .bool(!topPosts.isEmpty)
        let title = planner.siteTitle
        return PagePlan(
            kind: .home, path: SitePaths.home, template: "home", title: "\(title) Help Center",
            description: "Answers and guides for \(title): \(content.articles.count) articles in \(content.categories.count) categories.",
            context: context, jsonLD: [], lastModified: planner.latest(content.articles.map(\.updatedAt)), warnings: [],
            markdown: [], linkBase: nil, completion: .none)
    }
}
