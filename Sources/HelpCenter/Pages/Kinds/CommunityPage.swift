/// The community's front page: its topics and the latest posts.
enum CommunityPage {
    static func plan(_ planner: PagePlanner) -> PagePlan {
        let content = planner.content
        let links = planner.links(SitePaths.community)
        let trail: [(name: String, path: String?)] = [("Help Center", SitePaths.home), ("Community", nil)]
        let context: TemplateObject = [
            "breadcrumbs": planner.breadcrumbs(trail, links: links),
            "topics": .list(content.topics.map { topic -> TemplateObject in
                var item: TemplateObject = [
                    "name": .string(topic.name), "url": .string(links.url(SitePaths.topic(topic.slug))),
                    "postCountLabel": .string(planner.count(topic.posts.count, "post", "posts")),
                ]
                if let description = topic.description, !description.isEmpty { item["description"] = .string(description) }
                return item
            }),
            "posts": .list(content.posts.indices.prefix(10).map { planner.postSummary($0, links: links) }), "headingLevel": 3,
        ]
        return PagePlan(
            kind: .community, path: SitePaths.community, template: "community", title: "Community",
            description: "Questions, ideas and answers from the \(planner.siteTitle) community.",
            context: context, jsonLD: [planner.breadcrumbData(trail, current: SitePaths.community)],
            lastModified: planner.latest(content.posts.map { $0.updatedAt ?? $0.createdAt }), warnings: [],
            markdown: [], linkBase: nil, completion: .none)
    }
}
