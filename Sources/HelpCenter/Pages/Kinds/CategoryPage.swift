/// A category's page: its articles in order.
enum CategoryPage {
    static func plan(_ planner: PagePlanner, category index: Int) -> PagePlan {
        let category = planner.content.categories[index]
        let path = SitePaths.category(category.slug)
        let links = planner.links(path)
        let trail: [(name: String, path: String?)] = [("Help Center", SitePaths.home), (category.name, nil)]
        let countLabel = planner.count(category.articles.count, "article", "articles")
        var details: TemplateObject = ["name": .string(category.name)]
        if let description = category.description, !description.isEmpty { details["description"] = .string(description) }
        let context: TemplateObject = [
            "category": .object(details), "breadcrumbs": planner.breadcrumbs(trail, links: links),
            "articles": .list(category.articles.map { planner.articleSummary($0, links: links) }),
            "articleCountLabel": .string(countLabel),
        ]
        return PagePlan(
            kind: .category, path: path, template: "category", title: category.name,
            description: category.description ?? "\(category.name): \(countLabel).",
            context: context, jsonLD: [planner.breadcrumbData(trail, current: path)],
            lastModified: planner.latest(category.articles.map { planner.content.articles[$0].updatedAt }), warnings: [],
            markdown: [], linkBase: nil, completion: .none)
    }
}
