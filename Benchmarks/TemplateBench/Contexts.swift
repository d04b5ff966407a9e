import HelpCenter

/// Page contexts shaped as `PageRenderer` builds them (the keys of `Pages/*.swift`), with text of
/// realistic length that has characters to escape.
enum Contexts {
    static func paragraph(_ seed: Int, words: Int) -> String {
        let vocabulary = ["the", "export", "settings", "team's", "<workspace>", "invoice", "\"sync\"", "R&D", "café", "API", "tokens", "page", "rules"]
        return (0..<words).map { vocabulary[($0 * 7 + seed) % vocabulary.count] }.joined(separator: " ")
    }

    static func html(_ seed: Int, paragraphs: Int) -> String {
        (0..<paragraphs).map { "<h2 id=\"s\($0)\">Section \($0)</h2>\n<p>\(paragraph(seed + $0, words: 60).replacingOccurrences(of: "<", with: "&lt;"))</p>\n" }.joined()
    }

    static func summary(_ index: Int) -> TemplateValue {
        .object([
            "title": .string("How to configure \(paragraph(index, words: 5))"), "url": .string("../article-\(index)/"),
            "readingTime": "3 min read", "excerpt": .string(paragraph(index, words: 25)),
            "categoryName": "Billing & plans", "updatedISO": "2024-05-01T10:00:00Z", "updatedDisplay": "1 May 2024",
        ])
    }

    static func crumbs(_ names: [String]) -> TemplateValue {
        .list(names.enumerated().map { index, name in
            index == names.count - 1 ? .object(["name": .string(name)]) : .object(["name": .string(name), "url": "../../"])
        })
    }

    static func common(kind: String, title: String) -> TemplateObject {
        [
            "root": "../../",
            "site": .object([
                "title": "Quillpad", "language": "en", "hasCommunity": true, "team": "quillpad",
                "contentSecurityPolicy": "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'",
            ]),
            "nav": .object([
                "home": "../../", "community": "../../community/", "search": "../../search/", "assets": "../../assets/",
                "isHome": false, "isCommunity": .bool(kind == "post"), "feed": "../../feed.xml",
            ]),
            "page": .object([
                "title": .string(title), "kind": .string(kind), "ogType": "article", "fullTitle": .string("\(title) – Quillpad"),
                "description": .string(paragraph(3, words: 20)), "canonical": "https://help.example.com/articles/x/",
                "jsonLD": .list([.string("{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"headline\":\"\(title)\"}")]),
            ]),
        ]
    }

    static func article() -> TemplateObject {
        var context: TemplateObject = [
            "article": .object([
                "title": "Export your workspace & invoices", "html": .string(html(1, paragraphs: 8)), "readingTime": "4 min read",
                "updatedISO": "2024-05-01T10:00:00Z", "updatedDisplay": "1 May 2024", "categoryName": "Billing & plans",
                "categoryURL": "../../categories/billing/", "tags": .list(["billing", "export"]),
            ]),
            "breadcrumbs": crumbs(["Help Center", "Billing & plans", "Export your workspace & invoices"]),
            "toc": .list((0..<6).map { .object(["id": .string("s\($0)"), "text": .string("Section \($0)"), "level": .int(2 + $0 % 2)]) }),
            "hasTOC": true, "previous": summary(1), "next": summary(2), "hasPager": true,
            "related": .list((3..<8).map(summary)), "hasRelated": true,
        ]
        context.merge(common(kind: "article", title: "Export your workspace & invoices"))
        return context
    }

    static func category() -> TemplateObject {
        var context: TemplateObject = [
            "category": .object(["name": "Billing & plans", "description": .string(paragraph(4, words: 20))]),
            "breadcrumbs": crumbs(["Help Center", "Billing & plans"]),
            "articles": .list((0..<30).map(summary)), "articleCountLabel": "30 articles",
        ]
        context.merge(common(kind: "category", title: "Billing & plans"))
        return context
    }

    static func post(comments: Int) -> TemplateObject {
        var context: TemplateObject = [
            "post": .object([
                "title": "Sync stops after \"update\" <beta>", "url": "./", "status": "answered", "statusLabel": "Answered",
                "voteCountLabel": "12 votes", "commentCountLabel": .string("\(comments) comments"), "authorName": "Ana & Bo",
                "isPinned": false, "isLocked": false, "topicName": "Questions", "createdISO": "2024-04-01T09:00:00Z",
                "createdDisplay": "1 April 2024", "html": .string(html(2, paragraphs: 2)),
            ]),
            "comments": .list((0..<comments).map { index in
                .object([
                    "html": .string("<p>\(paragraph(index, words: 40).replacingOccurrences(of: "<", with: "&lt;"))</p>\n"),
                    "anchor": .string("comment-\(index)"), "authorName": .string("Person \(index) O'Neil"),
                    "isAgent": .bool(index % 5 == 0), "isOfficialAnswer": .bool(index == 3), "isReply": .bool(index % 3 == 1),
                    "createdISO": "2024-04-02T09:00:00Z", "createdDisplay": "2 April 2024",
                ])
            }),
            "breadcrumbs": crumbs(["Help Center", "Community", "Questions", "Sync stops"]),
            "commentCountLabel": .string("\(comments) comments"), "officialAnswerURL": "#comment-3",
        ]
        context.merge(common(kind: "post", title: "Sync stops after \"update\" <beta>"))
        return context
    }
}
