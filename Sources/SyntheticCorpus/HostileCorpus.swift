import CStar
import CStarSnapshot
import Foundation

/// A help center written by an attacker and by the odd real world: known script-injection vectors in
/// every field that reaches a page, Markdown shapes known to make cmark-style parsers slow, and odd
/// data (right-to-left text, emoji, empty titles, duplicate slugs, missing categories, a 10 MB article,
/// thousands of comments on one post).
///
/// Every script vector calls `alert`, so a browser test can tell that none ran by replacing it.
public enum HostileCorpus {
    /// Script-injection vectors, each a string placed as is in Markdown, titles, names and slugs.
    public static let scriptVectors: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=data:text/javascript,alert(1)></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=x onerror=alert(1)//",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text y=\"20\">x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<body onload=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<iframe src=javascript:alert(1)></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](&#106;avascript:alert(1))",
        "[ref][evil]\n\n[evil]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "![x\" onerror=\"alert(1)](x)",
        "[x](https://example.com/\" onmouseover=\"alert(1))",
        "www.example.com/\"onmouseover=\"alert(1)",
        "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)",
        "\" autofocus onfocus=\"alert(1)",
        "</script><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<!--<script>alert(1)//-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<img src=\"x` `<script>alert(1)</script>\"` `>",
        "{{constructor.constructor('alert(1)')()}}",
        "{{{ html }}}{{> layout}}",
        "\u{FF1C}script\u{FF1E}alert(1)\u{FF1C}/script\u{FF1E}",
        "\u{2028}\u{2029}\u{0}\u{1}h0\u{1}",
    ]

    /// Markdown shapes known to take quadratic time or worse in cmark and cmark-gfm (most from
    /// cmark's `pathological_tests.py`), each about 100 KB to 1 MB.
    public static let pathologicalMarkdown: [(name: String, markdown: String)] = [
        ("nested strong emphasis", String(repeating: "*a **a ", count: 30_000) + String(repeating: " b** b*", count: 30_000)),
        ("emphasis closers with no openers", String(repeating: "a_ ", count: 50_000)),
        ("emphasis openers with no closers", String(repeating: "_a ", count: 50_000)),
        ("mismatched openers and closers", String(repeating: "*a_ ", count: 50_000)),
        ("openers and closers multiple of 3", "a**b" + String(repeating: "c* ", count: 50_000)),
        ("link closers with no openers", String(repeating: "a]", count: 50_000)),
        ("link openers with no closers", String(repeating: "[a", count: 50_000)),
        ("link openers and emphasis closers", String(repeating: "[ a_", count: 50_000)),
        ("pattern [ (](", String(repeating: "[ (](", count: 50_000)),
        ("nested brackets", String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000)),
        ("nested parentheses in a link", "[a](" + String(repeating: "(", count: 50_000) + "b" + String(repeating: ")", count: 50_000) + ")"),
        ("nested block quotes", String(repeating: "> ", count: 50_000) + "a"),
        ("deeply nested lists", (0..<600).map { String(repeating: "  ", count: $0) + "* a\n" }.joined()),
        ("backtick runs", (1..<1_000).map { "e" + String(repeating: "`", count: $0) }.joined()),
        ("unclosed links with <", String(repeating: "[a](<b", count: 30_000)),
        ("unclosed links", String(repeating: "[a](b", count: 30_000)),
        ("many < without >", String(repeating: "<", count: 100_000)),
        ("unclosed HTML comments", String(repeating: "<!-- ", count: 50_000)),
        ("unclosed declarations", String(repeating: "<!A ", count: 50_000)),
        ("unclosed processing instructions", String(repeating: "<? ", count: 50_000)),
        ("unclosed CDATA", String(repeating: "<![CDATA[ ", count: 30_000)),
        ("many underscores after a letter", "a" + String(repeating: "_", count: 100_000)),
        ("many autolink candidates", String(repeating: "www.a ", count: 50_000)),
        ("emails without a domain", String(repeating: "a@ ", count: 50_000)),
        ("strikethrough runs", String(repeating: "~~a ", count: 50_000)),
        ("a table with 400 columns", Self.table(columns: 400, rows: 200)),
        ("a table with 5,000 columns", Self.table(columns: 5_000, rows: 3)),
        ("a row of pipes", String(repeating: "|", count: 100_000) + "\n" + String(repeating: "|-", count: 50_000)),
        ("tables in nested block quotes", (0..<2_000).map { String(repeating: ">", count: $0 % 50) + "| a |\n| - |\n" }.joined()),
        ("many link reference definitions", (0..<30_000).map { "[r\($0)]: /u\($0)\n" }.joined() + (0..<30_000).map { "[r\($0)] " }.joined()),
        ("many footnotes", (0..<20_000).map { "[^n\($0)] " }.joined() + "\n\n" + (0..<20_000).map { "[^n\($0)]: x\n" }.joined()),
        ("a 1 MB line", String(repeating: "word ", count: 200_000)),
        ("entities", String(repeating: "&#x10FFFF;&amp;&nbsp;", count: 30_000)),
    ]

    static func table(columns: Int, rows: Int) -> String {
        let header = "|" + String(repeating: " h |", count: columns) + "\n"
        let delimiter = "|" + String(repeating: " - |", count: columns) + "\n"
        let row = "|" + String(repeating: " c |", count: columns) + "\n"
        return header + delimiter + String(repeating: row, count: rows)
    }

    /// The whole hostile help center. `bigArticleBytes` and `manyComments` set the size of the largest
    /// article and of the busiest post.
    public static func snapshot(bigArticleBytes: Int = 10_000_000, manyComments: Int = 3_000) -> Snapshot {
        var categories: [CStar.Category] = []
        var articles: [LibraryArticle] = []
        var topics: [Topic] = []
        var posts: [Post] = []
        var comments: [String: [CStar.Comment]] = [:]

        // Each vector fills every field of one category, article, topic, post and comment, slugs included.
        for (index, vector) in scriptVectors.enumerated() {
            let markdown = "# \(vector)\n\n\(vector)\n\n- \(vector)\n\n> \(vector)\n\n| \(vector) |\n| - |\n| \(vector) |\n"
            categories.append(CStar.Category(id: "c\(index)", name: vector, slug: vector, description: vector))
            articles.append(LibraryArticle(
                id: "a\(index)", slug: vector, title: vector, content: markdown, excerpt: vector, category: vector,
                categorySlug: vector, tags: [vector, "t\(index)"], viewCount: index, readTime: vector,
                publishedAt: "2026-01-01T00:00:00Z", updatedAt: vector))
            topics.append(Topic(id: "t\(index)", name: vector, slug: vector, description: vector))
            posts.append(Post(
                id: "p\(index)", slug: vector, title: vector, body: markdown, topicID: "t\(index)", status: .other(vector),
                createdAt: "2026-01-02T00:00:00Z", authorName: vector))
            comments[vector, default: []].append(CStar.Comment(
                id: "k\(index)", postID: "p\(index)", body: markdown, authorName: vector, isAgent: index % 2 == 0,
                isOfficialAnswer: index % 3 == 0, createdAt: vector))
        }

        categories.append(CStar.Category(id: "odd", name: "Odd data", slug: "odd-data", description: "Odd but real content."))
        for (index, shape) in pathologicalMarkdown.enumerated() {
            articles.append(LibraryArticle(
                id: "slow\(index)", slug: "pathological-\(index)", title: "Pathological: \(shape.name)", content: shape.markdown,
                categorySlug: "odd-data", publishedAt: "2026-01-03T00:00:00Z"))
        }
        let odd: [(slug: String, title: String, body: String, category: String)] = [
            ("rtl", "كيف أعيد تعيين كلمة المرور؟", "مرحبا بالعالم. שלום עולם. \u{202E}txet desrever\u{202C} mixed with English.", "odd-data"),
            ("emoji", "🎉 Launch day 👩‍👩‍👧‍👦 🇯🇵", "Emoji everywhere: 😀🔥✅ and a family 👨‍👩‍👧.", "odd-data"),
            ("zalgo", "Z̸̢̛̛a̷̡l̶̨g̵̢o̴̧ text and zero\u{200B}width", "Combining marks: e\u{301}\u{302}\u{303}\u{304}", "odd-data"),
            ("empty-title", "", "This article has no title.", "odd-data"),
            ("", "Empty slug", "This article has no slug.", "odd-data"),
            ("duplicate", "Duplicate slug one", "First of two articles with the same slug.", "odd-data"),
            ("duplicate", "Duplicate slug two", "Second of two articles with the same slug.", "odd-data"),
            ("orphan", "In a missing category", "Its category does not exist.", "no-such-category"),
            ("long-title", String(repeating: "Supercalifragilistic", count: 100), "A very long title without spaces.", "odd-data"),
            ("empty-body", "Empty body", "", "odd-data"),
        ]
        for (index, item) in odd.enumerated() {
            articles.append(LibraryArticle(
                id: "odd\(index)", slug: item.slug, title: item.title, content: item.body, excerpt: item.body,
                categorySlug: item.category, publishedAt: "2026-01-04T00:00:00Z"))
        }
        let paragraph = "A long article paragraph with **bold**, _emphasis_, `code` and a [link](https://example.com).\n\n"
        articles.append(LibraryArticle(
            id: "big", slug: "ten-megabytes", title: "A very large article",
            content: String(repeating: paragraph, count: max(1, bigArticleBytes / paragraph.utf8.count)),
            categorySlug: "odd-data", publishedAt: "2026-01-05T00:00:00Z"))

        topics.append(Topic(id: "busy", name: "Busy", slug: "busy", description: "A topic with a busy post."))
        posts.append(Post(
            id: "busy-post", slug: "thousands-of-comments", title: "A post with thousands of comments", body: "Discuss.",
            topicID: "busy", commentCount: manyComments, createdAt: "2026-01-06T00:00:00Z", authorName: "Ada"))
        comments["thousands-of-comments"] = (0..<manyComments).map { index in
            CStar.Comment(
                id: "busy\(index)", postID: "busy-post", body: "Comment \(index): <b>me too</b> \(index % 7 == 0 ? "🎉" : "")",
                authorName: "Person \(index)", createdAt: "2026-01-06T00:00:00Z")
        }
        posts.append(Post(id: "lost-post", slug: "lost", title: "A post in a missing topic", body: "Lost.", topicID: "no-such-topic"))

        return Snapshot(
            team: .init(slug: "hostile", name: "<script>alert(1)</script> Team"),
            library: .init(categories: categories, articles: articles, popular: articles.prefix(5).map(\.slug)),
            community: .init(topics: topics, posts: posts, comments: comments))
    }
}
