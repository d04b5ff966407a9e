/// One page of a topic's posts, newest first or by votes.
enum TopicPage {
    static func plan(_ planner: PagePlanner, topic index: Int, byVotes: Bool, page number: Int) -> PagePlan {
        let topic = planner.content.topics[index]
        let path = SitePaths.topic(topic.slug, byVotes: byVotes, page: number)
        let links = planner.links(path)
        let posts = byVotes ? topic.postsByVotes : topic.posts
        let size = planner.options.postsPerPage
        let pages = max(1, (posts.count + size - 1) / size)
        let slice = posts.dropFirst((number - 1) * size).prefix(size)
        let trail: [(name: String, path: String?)] = [
            ("Help Center", SitePaths.home), ("Community", SitePaths.community), (topic.name, nil),
        ]
        func url(_ page: Int) -> TemplateValue { .string(links.url(SitePaths.topic(topic.slug, byVotes: byVotes, page: page))) }
        var pagination: TemplateObject = [
            "hasPages": .bool(pages > 1),
            "pages": .list((1...pages).map { page -> TemplateObject in
                ["number": .int(page), "url": url(page), "current": .bool(page == number)]
            }),
        ]
        if number > 1 { pagination["previousURL"] = url(number - 1) }
        if number < pages { pagination["nextURL"] = url(number + 1) }
        let postCount = planner.count(topic.posts.count, "post", "posts")
        var details: TemplateObject = ["name": .string(topic.name), "postCountLabel": .string(postCount)]
        if let description = topic.description, !description.isEmpty { details["description"] = .string(description) }
        let context: TemplateObject = [
            "topic": .object(details), "breadcrumbs": planner.breadcrumbs(trail, links: links),
            "posts": .list(slice.map { planner.postSummary($0, links: links, showsTopic: false) }), "headingLevel": 2,
            "pagination": .object(pagination),
            "sort": .object([
                "byVotes": .bool(byVotes), "byRecent": .bool(!byVotes),
                "recentURL": .string(links.url(SitePaths.topic(topic.slug))),
                "votesURL": .string(links.url(SitePaths.topic(topic.slug, byVotes: true))),
            ]),
        ]
        var title = topic.name
        if byVotes { title += " (most votes)" }
        if number > 1 { title += ", page \(number)" }
        return PagePlan(
            kind: .topic, path: path, template: "topic", title: title,
            description: topic.description ?? "\(topic.name) in the \(planner.siteTitle) community.",
            context: context, jsonLD: [planner.breadcrumbData(trail, current: path)],
            lastModified: planner.latest(topic.posts.lazy.map { planner.content.posts[$0].updatedAt ?? planner.content.posts[$0].createdAt }), warnings: [],
            markdown: [], linkBase: nil, completion: .none)
    }
}
