import CStar
import Foundation

/// schema.org structured data for a page, serialised so it is safe inside `<script type="application/ld+json">`.
enum JSONLD {
    /// The JSON text with `<`, `>` and `&` escaped, so no content can close the script element.
    /// Compact JSON with sorted keys and unescaped slashes, with `<`, `>` and `&` escaped so the text can
    /// never close its `<script>` element.
    static func serialize(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        write(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output += "null".utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .int(let number): output += String(number).utf8
        case .double(let number): output += (number.isFinite ? "\(number)" : "null").utf8
        case .string(let text): quote(text, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                quote(key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(object[key]!, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string; every character escaped is ASCII, so the other bytes are copied as they are.
    private static func quote(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += #"\""#.utf8
            case UInt8(ascii: "\\"): output += #"\\"#.utf8
            case 0x0A: output += #"\n"#.utf8
            case 0x0D: output += #"\r"#.utf8
            case 0x09: output += #"\t"#.utf8
            case 0x08: output += #"\b"#.utf8
            case 0x0C: output += #"\f"#.utf8
            case UInt8(ascii: "<"): output += #"\u003c"#.utf8
            case UInt8(ascii: ">"): output += #"\u003e"#.utf8
            case UInt8(ascii: "&"): output += #"\u0026"#.utf8
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
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
    static func post(_ post: PostPage.Completion, text: String, comments: [String], url: String?) -> JSONValue {
        func person(_ name: String?) -> JSONValue { ["@type": "Person", "name": .string(name ?? "Anonymous")] }
        func date(_ date: Date?) -> JSONValue? { date.map { .string(ISODate.format($0)) } }
        let items = zip(post.comments, comments)
        if let (answer, answerText) = items.first(where: { $0.0.isOfficialAnswer }) {
            var question: JSONObject = [
                "@type": "Question", "name": .string(post.title), "text": .string(text),
                "answerCount": .int(Int64(comments.count)), "upvoteCount": .int(Int64(post.voteCount)),
                "author": person(post.authorName),
            ]
            question["dateCreated"] = date(post.createdAt)
            var accepted: JSONObject = ["@type": "Answer", "text": .string(answerText), "author": person(answer.authorName)]
            accepted["dateCreated"] = date(answer.createdAt)
            accepted["url"] = url.map { .string("\($0)#\(answer.anchor)") }
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
            "comment": .array(items.map { comment, text in
                var item: JSONObject = ["@type": "Comment", "text": .string(text), "author": person(comment.authorName)]
                item["datePublished"] = date(comment.createdAt)
                return .object(item)
            }),
        ]
        posting["datePublished"] = date(post.createdAt)
        posting["url"] = url.map(JSONValue.string)
        return .object(posting)
    }
}

enum CommentAnchor {
    static func id(_ comment: CommentItem) -> String {
        "comment-" + (SlugPolicy.safeSlug(comment.id) ?? "unknown")
    }
}
