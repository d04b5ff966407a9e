import CStar
import Foundation

/// A community post's page: the post and its comments, each rendered from Markdown without raw HTML.
enum PostPage {
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

    static func plan(_ planner: PagePlanner, post index: Int) -> PagePlan {
        let content = planner.content
        let post = content.posts[index]
        let path = SitePaths.post(post.slug)
        let links = planner.links(path)
        let ids = Set(post.comments.map(\.id))
        let comments = post.comments.map { comment -> TemplateValue in
            var item: TemplateObject = [
                "anchor": .string(CommentAnchor.id(comment)), "authorName": .string(comment.authorName ?? "Anonymous"),
                "isAgent": .bool(comment.isAgent), "isOfficialAnswer": .bool(comment.isOfficialAnswer),
                "isReply": .bool(comment.parentID.map(ids.contains) ?? false),
            ]
            item.merge(DisplayDate.context(comment.createdAt, prefix: "created"))
            return .object(item)
        }
        let topic = post.topicIndex.map { content.topics[$0] }
        var trail: [(name: String, path: String?)] = [("Help Center", SitePaths.home), ("Community", SitePaths.community)]
        if let topic { trail.append((topic.name, SitePaths.topic(topic.slug))) }
        trail.append((post.title, nil))
        var context: TemplateObject = [
            "post": .object(planner.postSummary(index, links: links)), "comments": .list(comments),
            "breadcrumbs": planner.breadcrumbs(trail, links: links),
            "commentCountLabel": .string(planner.count(comments.count, "comment", "comments")),
        ]
        if let answer = post.comments.first(where: \.isOfficialAnswer) {
            context["officialAnswerURL"] = .string("#" + CommentAnchor.id(answer))
        }
        let completion = Completion(
            title: post.title, excerpt: post.excerpt, voteCount: post.voteCount, authorName: post.authorName,
            createdAt: post.createdAt, group: topic?.name, status: post.status, url: planner.options.absoluteURL(path),
            comments: post.comments.map {
                .init(anchor: CommentAnchor.id($0), authorName: $0.authorName, createdAt: $0.createdAt, isOfficialAnswer: $0.isOfficialAnswer)
            })
        return PagePlan(
            kind: .post, path: path, template: "post", title: post.title, description: post.excerpt, context: context,
            jsonLD: [planner.breadcrumbData(trail, current: path)], lastModified: post.updatedAt ?? post.createdAt, warnings: [],
            markdown: [post.markdown] + post.comments.map(\.markdown), linkBase: .init(article: nil), completion: .post(completion))
    }

    /// What the page adds once its Markdown (the post, then each comment) is rendered.
    struct Completion: Sendable, Hashable {
        struct Comment: Sendable, Hashable {
            var anchor: String
            var authorName: String?
            var createdAt: Date?
            var isOfficialAnswer: Bool
        }

        var title: String
        var excerpt: String?
        var voteCount: Int
        var authorName: String?
        var createdAt: Date?
        var group: String?
        var status: String
        var url: String?
        var comments: [Comment]

        func combine(into hasher: inout StableHasher) {
            hasher.combine(2)
            for text in [title, excerpt, authorName, group, status, url] { hasher.combine(text) }
            hasher.combine(voteCount)
            hasher.combine(createdAt)
            hasher.combine(UInt64(comments.count))
            for comment in comments {
                hasher.combine(comment.anchor)
                hasher.combine(comment.authorName)
                hasher.combine(comment.createdAt)
                hasher.combine(comment.isOfficialAnswer)
            }
        }

        /// Adds the HTML of the post and its comments, a description cut from the text when the API
        /// gives none and the post's JSON-LD; returns the page's search document.
        func complete(_ plan: inout PagePlan, rendered: [RenderedMarkdown]) -> SearchDocument {
            let body = rendered[0]
            let comments = rendered.dropFirst()
            if case .object(var details)? = plan.context["post"] {
                details["html"] = .string(body.html)
                plan.context["post"] = .object(details)
            }
            if case .list(let items)? = plan.context["comments"] {
                plan.context["comments"] = .list(zip(items, comments).map { item, rendered in
                    guard case .object(var comment) = item else { return item }
                    comment["html"] = .string(rendered.html)
                    return .object(comment)
                })
            }
            plan.description = excerpt ?? String(body.text.prefix(160))
            plan.jsonLD.insert(JSONLD.post(self, text: body.text, comments: comments.map(\.text), url: url), at: 0)
            return SearchDocument(
                kind: .post, title: title, path: plan.path, group: group, excerpt: Excerpt.of(excerpt, text: body.text),
                headings: [], body: ([body.text] + comments.map(\.text)).joined(separator: "\n"), popularity: voteCount,
                status: status)
        }
    }
}
