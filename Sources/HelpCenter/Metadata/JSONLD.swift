import CStar
import Foundation

/// schema.org structured data for a page, serialised so it is safe inside `<script type="application/ld+json">`.
enum JSONLD {
    /// The JSON text with `<`, `>` and `&` escaped, so no content can close the script element.
    static func serialize(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
        return text.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    static func breadcrumbs(_ items: [(name: String, url: String?)]) -> JSONValue {
        .object([
            "@context": "https://schema.org", "@type": "BreadcrumbList",
            "itemListElement": .array(items.enumerated().map { index, item in
                var element: JSONObject = ["@type": "ListItem", "position": .int(Int64(index + 1)), "name": .string(item.name)]
                element["item"] = item.url.map(JSONValue.string)
                return .object(element)
            }),
        ])
    }

    static func article(
        title: String, description: String?, published: Date?, modified: Date?, section: String?, url: String?
    ) -> JSONValue {
        var object: JSONObject = ["@context": "https://schema.org", "@type": "Article", "headline": .string(title)]
        object["description"] = description.map(JSONValue.string)
        object["datePublished"] = published.map { .string(ISODate.format($0)) }
        object["dateModified"] = (modified ?? published).map { .string(ISODate.format($0)) }
        object["articleSection"] = section.map(JSONValue.string)
        object["url"] = url.map(JSONValue.string)
        return .object(object)
    }

    /// A `QAPage` when the post has an official answer, a `DiscussionForumPosting` otherwise.
    static func post(_ post: Post, text: String, comments: [(comment: CStar.Comment, text: String)], url: String?) -> JSONValue {
        func person(_ name: String?) -> JSONValue { ["@type": "Person", "name": .string(name ?? "Anonymous")] }
        func date(_ date: Date?) -> JSONValue? { date.map { .string(ISODate.format($0)) } }
        if let answer = comments.first(where: { $0.comment.isOfficialAnswer }) {
            var question: JSONObject = [
                "@type": "Question", "name": .string(post.title), "text": .string(text),
                "answerCount": .int(Int64(comments.count)), "upvoteCount": .int(Int64(post.voteCount)),
                "author": person(post.authorName),
            ]
            question["dateCreated"] = date(post.createdAt)
            var accepted: JSONObject = ["@type": "Answer", "text": .string(answer.text), "author": person(answer.comment.authorName)]
            accepted["dateCreated"] = date(answer.comment.createdAt)
            accepted["url"] = url.map { .string("\($0)#\(CommentAnchor.id(answer.comment))") }
            question["acceptedAnswer"] = .object(accepted)
            var page: JSONObject = ["@context": "https://schema.org", "@type": "QAPage", "mainEntity": .object(question)]
            page["url"] = url.map(JSONValue.string)
            return .object(page)
        }
        var posting: JSONObject = [
            "@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": .string(post.title),
            "text": .string(text), "author": person(post.authorName),
            "interactionStatistic": [
                "@type": "InteractionCounter", "interactionType": "https://schema.org/LikeAction",
                "userInteractionCount": .int(Int64(post.voteCount)),
            ],
            "comment": .array(comments.map { item in
                var comment: JSONObject = ["@type": "Comment", "text": .string(item.text), "author": person(item.comment.authorName)]
                comment["datePublished"] = date(item.comment.createdAt)
                return .object(comment)
            }),
        ]
        posting["datePublished"] = date(post.createdAt)
        posting["url"] = url.map(JSONValue.string)
        return .object(posting)
    }
}

/// The fragment id of a comment on its post's page.
enum CommentAnchor {
    static func id(_ comment: CStar.Comment) -> String {
        "comment-" + (SlugPolicy.safeSlug(comment.id) ?? "unknown")
    }
}
