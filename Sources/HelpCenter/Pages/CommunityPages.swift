import CStar
import Foundation

extension PageRenderer {
    static let statusLabels: [String: String] = [
        "open": "Open", "answered": "Answered", "officially_answered": "Official answer", "planned": "Planned",
        "not_planned": "Not planned", "completed": "Completed", "under_review": "Under review",
    ]

    static func statusLabel(_ status: Post.Status) -> String {
        statusLabels[status.rawValue] ?? status.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
    }

    /// A status safe to use in a class name.
    static func statusClass(_ status: Post.Status) -> String {
        SlugPolicy.safeSlug(status.rawValue) ?? "other"
    }

    /// How a list shows a post; `showsTopic: false` where the list is the topic's own page.
    func postSummary(_ entry: SiteContent.PostEntry, links: PageLinks, showsTopic: Bool = true) -> [String: Any] {
        let post = entry.post
        var summary: [String: Any] = [
            "title": post.title, "url": links.url(SitePaths.post(entry.slug)), "status": Self.statusClass(post.status),
            "statusLabel": Self.statusLabel(post.status), "voteCountLabel": count(post.voteCount, "vote", "votes"),
            "commentCountLabel": count(entry.comments.count, "comment", "comments"),
            "authorName": post.authorName ?? "Anonymous", "isPinned": post.isPinned, "isLocked": post.isLocked,
        ]
        if showsTopic, let topic = entry.topicIndex.map({ content.topics[$0] }) { summary["topicName"] = topic.topic.name }
        return summary.merging(DisplayDate.context(post.createdAt, prefix: "created")) { a, _ in a }
    }

    func community() -> RenderedPage {
        let links = PageLinks(path: SitePaths.community, basePath: options.basePath)
        let trail: [(name: String, path: String?)] = [("Help Center", SitePaths.home), ("Community", nil)]
        let context: [String: Any] = [
            "breadcrumbs": breadcrumbs(trail, links: links),
            "topics": content.topics.map { entry -> [String: Any] in
                var topic: [String: Any] = [
                    "name": entry.topic.name, "url": links.url(SitePaths.topic(entry.slug)),
                    "postCountLabel": count(entry.posts.count, "post", "posts"),
                ]
                if let description = entry.topic.description, !description.isEmpty { topic["description"] = description }
                return topic
            },
            "posts": content.posts.prefix(10).map { postSummary($0, links: links) }, "headingLevel": 3,
        ]
        return page(
            path: SitePaths.community, kind: .community, title: "Community",
            description: "Questions, ideas and answers from the \(siteTitle) community.",
            jsonLD: [breadcrumbData(trail, current: SitePaths.community)], context: context, links: links,
            lastModified: content.posts.compactMap { $0.post.updatedAt ?? $0.post.createdAt }.max())
    }

    func topic(_ index: Int, byVotes: Bool, page number: Int) -> RenderedPage {
        let entry = content.topics[index]
        let path = SitePaths.topic(entry.slug, byVotes: byVotes, page: number)
        let links = PageLinks(path: path, basePath: options.basePath)
        let posts = byVotes ? topicPostsByVotes[index] : entry.posts
        let size = options.postsPerPage
        let pages = max(1, (posts.count + size - 1) / size)
        let slice = posts.dropFirst((number - 1) * size).prefix(size)
        let trail: [(name: String, path: String?)] = [
            ("Help Center", SitePaths.home), ("Community", SitePaths.community), (entry.topic.name, nil),
        ]
        var pagination: [String: Any] = [
            "hasPages": pages > 1,
            "pages": (1...pages).map { page -> [String: Any] in
                ["number": page, "url": links.url(SitePaths.topic(entry.slug, byVotes: byVotes, page: page)), "current": page == number]
            },
        ]
        if number > 1 { pagination["previousURL"] = links.url(SitePaths.topic(entry.slug, byVotes: byVotes, page: number - 1)) }
        if number < pages { pagination["nextURL"] = links.url(SitePaths.topic(entry.slug, byVotes: byVotes, page: number + 1)) }
        var topic: [String: Any] = ["name": entry.topic.name, "postCountLabel": count(entry.posts.count, "post", "posts")]
        if let description = entry.topic.description, !description.isEmpty { topic["description"] = description }
        let context: [String: Any] = [
            "topic": topic, "breadcrumbs": breadcrumbs(trail, links: links),
            "posts": slice.map { postSummary($0, links: links, showsTopic: false) }, "headingLevel": 2, "pagination": pagination,
            "sort": [
                "byVotes": byVotes, "byRecent": !byVotes,
                "recentURL": links.url(SitePaths.topic(entry.slug)), "votesURL": links.url(SitePaths.topic(entry.slug, byVotes: true)),
            ] as [String: Any],
        ]
        var title = entry.topic.name
        if byVotes { title += " (most votes)" }
        if number > 1 { title += ", page \(number)" }
        return page(
            path: path, kind: .topic, title: title,
            description: entry.topic.description ?? "\(entry.topic.name) in the \(siteTitle) community.",
            jsonLD: [breadcrumbData(trail, current: path)], context: context, links: links,
            lastModified: entry.posts.compactMap { $0.post.updatedAt ?? $0.post.createdAt }.max())
    }

    func post(_ index: Int) -> RenderedPage {
        let entry = content.posts[index]
        let post = entry.post
        let path = SitePaths.post(entry.slug)
        let links = PageLinks(path: path, basePath: options.basePath)
        let rewrite = markdownLinkRewriter(.post(index))!
        let body = markdown(.community, post.body, rewrite: rewrite)
        var sourceLinks = body.sourceLinks
        var renderedComments: [(comment: CStar.Comment, text: String)] = []
        let ids = Set(entry.comments.map(\.id))
        let comments = entry.comments.map { comment -> [String: Any] in
            let rendered = markdown(.community, comment.body, rewrite: rewrite)
            renderedComments.append((comment, rendered.text))
            sourceLinks += rendered.sourceLinks
            var item: [String: Any] = [
                "html": rendered.html, "anchor": CommentAnchor.id(comment), "authorName": comment.authorName ?? "Anonymous",
                "isAgent": comment.isAgent, "isOfficialAnswer": comment.isOfficialAnswer,
                "isReply": comment.parentID.map(ids.contains) ?? false,
            ]
            item.merge(DisplayDate.context(comment.createdAt, prefix: "created")) { a, _ in a }
            return item
        }
        let topic = entry.topicIndex.map { content.topics[$0] }
        var trail: [(name: String, path: String?)] = [("Help Center", SitePaths.home), ("Community", SitePaths.community)]
        if let topic { trail.append((topic.topic.name, SitePaths.topic(topic.slug))) }
        trail.append((post.title, nil))
        var details = postSummary(entry, links: links)
        details["html"] = body.html
        var context: [String: Any] = [
            "post": details, "comments": comments, "breadcrumbs": breadcrumbs(trail, links: links),
            "commentCountLabel": count(comments.count, "comment", "comments"),
        ]
        if let answer = entry.comments.first(where: \.isOfficialAnswer) {
            context["officialAnswerURL"] = "#" + CommentAnchor.id(answer)
        }
        let document = SearchDocument(
            kind: .post, title: post.title, path: path, group: topic?.topic.name,
            excerpt: excerpt(post.excerpt, text: body.text), headings: [],
            body: ([body.text] + renderedComments.map(\.text)).joined(separator: "\n"),
            popularity: post.voteCount, status: post.status.rawValue)
        let result = page(
            path: path, kind: .post, title: post.title, description: post.excerpt ?? String(body.text.prefix(160)),
            jsonLD: [
                JSONLD.post(post, text: body.text, comments: renderedComments, url: options.absoluteURL(path)),
                breadcrumbData(trail, current: path),
            ],
            context: context, links: links, lastModified: post.updatedAt ?? post.createdAt,
            warnings: unknownLinkTargets(.post(index), sourceLinks: sourceLinks))
        return finish(result, search: document, sourceLinks: sourceLinks)
    }
}
