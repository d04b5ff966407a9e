import Foundation

/// Generates a deterministic synthetic help center of any size, written as a snapshot
/// (`shared/snapshot-format.md`): for benchmarks and for tests at scale.
///
/// Article bodies are realistic Markdown with a size spread like real help articles (median about
/// 2.5 KB, a long tail to 300 KB); community posts come with comments, a few with thousands.
public struct CorpusGenerator: Sendable {
    public struct Options: Sendable {
        public var articles: Int
        public var posts: Int
        public var seed: UInt64
        public var team: String

        public init(articles: Int, posts: Int = 0, seed: UInt64 = 1, team: String = "benchmark") {
            self.articles = articles
            self.posts = posts
            self.seed = seed
            self.team = team
        }
    }

    public let options: Options
    let vocabulary: Vocabulary
    let categories: [Category]
    let articleTitles: [(title: String, slug: String)]
    static let hostedBase = "https://www.cstar.help/library/"

    struct Category {
        var id: String, name: String, slug: String
    }

    public init(_ options: Options) {
        self.options = options
        var random = SeededGenerator(seed: options.seed)
        let vocabulary = Vocabulary(size: 40_000, random: &random)
        self.vocabulary = vocabulary
        var used = Set<String>()
        func unique(_ base: String) -> String {
            var slug = base, number = 2
            while !used.insert(slug).inserted { slug = "\(base)-\(number)"; number += 1 }
            return slug
        }
        let categoryCount = max(5, min(120, options.articles / 150))
        var categories: [Category] = []
        for _ in 0..<categoryCount {
            let name = Self.titleCase((0..<random.int(1...3)).map { _ in vocabulary.word(&random, skip: 20) })
            categories.append(Category(id: Self.uuid(&random), name: name, slug: unique("c-" + Self.slug(name))))
        }
        self.categories = categories
        articleTitles = (0..<options.articles).map { _ in
            let starter = random.pick(["", "", "", "How to ", "Set up ", "Troubleshoot ", "About "])
            let title = starter + Self.titleCase((0..<random.int(2...6)).map { _ in vocabulary.word(&random, skip: 5) })
            return (title, unique(Self.slug(title)))
        }
    }

    /// Writes the snapshot, one article or post at a time, to `sink`.
    public func writeSnapshot(to sink: (Data) throws -> Void) throws {
        let team = options.team
        try sink(Data("{\"format\":\"cstar-help-snapshot\",\"version\":1,\"team\":{\"slug\":\(Self.quote(team)),\"name\":\"Benchmark\"},\"fetchedAt\":\"2026-11-01T00:00:00Z\",\"baseUrl\":\"https://www.cstar.help\",\"library\":{\"categories\":[".utf8))
        var perCategory = [Int](repeating: 0, count: categories.count)
        for index in 0..<options.articles { perCategory[index % categories.count] += 1 }
        for (index, category) in categories.enumerated() {
            try sink(Self.json([
                "id": category.id, "name": category.name, "slug": category.slug, "sortOrder": index + 1,
                "articleCount": perCategory[index], "description": "Articles about \(category.name.lowercased()).",
            ], first: index == 0))
        }
        try sink(Data("],\"articles\":[".utf8))
        var views: [(Int, String)] = []
        for index in 0..<options.articles {
            let article = article(index)
            views.append((article.viewCount, article.slug))
            try sink(Self.json(article.json, first: index == 0))
        }
        let popular = views.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(10).map(\.1)
        try sink(Data("],\"popular\":".utf8))
        try sink(try JSONSerialization.data(withJSONObject: popular))
        try sink(Data(",\"stats\":{\"totalArticles\":\(options.articles),\"totalCategories\":\(categories.count),\"totalViews\":\(views.reduce(0) { $0 + $1.0 })}},\"community\":{\"topics\":[".utf8))
        for (index, topic) in Self.topics.enumerated() {
            try sink(Self.json([
                "id": Self.uuid(seed: UInt64(index) &+ 7_000_000), "name": topic, "slug": Self.slug(topic),
                "sort_order": index + 1, "description": "Questions and ideas: \(topic.lowercased()).",
            ], first: index == 0))
        }
        try sink(Data("],\"posts\":[".utf8))
        var comments: [(String, [[String: Any]])] = []
        for index in 0..<options.posts {
            let post = post(index)
            try sink(Self.json(post.json, first: index == 0))
            comments.append((post.slug, post.comments))
        }
        try sink(Data("],\"comments\":{".utf8))
        for (index, (slug, thread)) in comments.enumerated() {
            try sink(Data(((index == 0 ? "" : ",") + Self.quote(slug) + ":[").utf8))
            for (number, comment) in thread.enumerated() { try sink(Self.json(comment, first: number == 0)) }
            try sink(Data("]".utf8))
        }
        try sink(Data("}}}\n".utf8))
    }

    /// The whole snapshot in memory.
    public func snapshotData() throws -> Data {
        var data = Data()
        try writeSnapshot { data.append($0) }
        return data
    }

    /// Writes the snapshot to a file.
    public func writeSnapshot(to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
        try writeSnapshot { chunk in
            buffer.append(chunk)
            if buffer.count > 1 << 20 { try handle.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }
        }
        try handle.write(contentsOf: buffer)
    }

    /// A generated article.
    public struct Article: Sendable {
        public var id, slug, title, content, excerpt: String
        public var category: String, categoryID: String, categorySlug: String
        public var tags: [String]
        public var viewCount: Int
        public var publishedAt: String

        /// The article as the API sends it in single form.
        var json: [String: Any] {
            [
                "id": id, "slug": slug, "title": title, "content": content, "excerpt": excerpt,
                "category": category, "categoryId": categoryID, "categorySlug": categorySlug, "tags": tags,
                "viewCount": viewCount, "helpfulCount": viewCount / 20, "notHelpfulCount": viewCount / 90,
                "readTime": "\(max(1, content.utf8.count / 1500)) min", "publishedAt": publishedAt, "updatedAt": publishedAt,
            ]
        }
    }

    /// A generated community post and its comments, as the API sends them.
    public struct Post: @unchecked Sendable {
        public var slug, title, body, topic: String
        public var voteCount: Int
        public var status: String
        var json: [String: Any]
        var comments: [[String: Any]]
    }

    /// Article number `index`.
    public func article(_ index: Int) -> Article {
        var random = SeededGenerator(seed: options.seed &* 0x100_0000 &+ UInt64(index))
        let category = categories[index % categories.count]
        let writer = MarkdownWriter(vocabulary: vocabulary, articleURL: articleURL, articleCount: options.articles)
        let content = writer.article(bytes: articleBytes(index, random: &random), random: &random)
        let (title, slug) = articleTitles[index]
        let views = Int(exp(random.normal() * 1.4 + 6.5))
        let published = Self.date(day: random.int(0...1300))
        return Article(
            id: Self.uuid(&random), slug: slug, title: title, content: content,
            excerpt: writer.sentence(&random, words: 10...22, inline: false),
            category: category.name, categoryID: category.id, categorySlug: category.slug,
            tags: (0..<random.int(1...4)).map { _ in vocabulary.word(&random, skip: 5) }, viewCount: views, publishedAt: published)
    }

    /// Median about 2.5 KB (log-normal), a long tail up to 300 KB, and one article of 300 KB in every
    /// corpus of a thousand or more.
    func articleBytes(_ index: Int, random: inout SeededGenerator) -> Int {
        if options.articles >= 1000 && index == options.articles / 2 { return 300_000 }
        if random.chance(0.003) { return Int(30_000 * exp(random.unit() * log(10.0))) }
        return min(300_000, max(300, Int(2_500 * exp(random.normal() * 0.75))))
    }

    static let topics = ["Announcements", "Questions", "Ideas", "Bugs", "Integrations", "Show and tell", "Billing", "API"]
    static let statuses = ["open", "open", "open", "answered", "officially_answered", "planned", "not_planned", "completed",
                           "under_review"]

    /// Post number `index` with its comments, oldest first.
    public func post(_ index: Int) -> Post {
        var random = SeededGenerator(seed: options.seed &* 0x200_0000 &+ UInt64(index) &+ 0x5555)
        let writer = MarkdownWriter(vocabulary: vocabulary, articleURL: articleURL, articleCount: options.articles)
        let topicIndex = random.int(0...(Self.topics.count - 1))
        let topicID = Self.uuid(seed: UInt64(topicIndex) &+ 7_000_000)
        let title = random.pick(["How do I ", "Can I ", "Why does ", "Request: ", ""])
            + (0..<random.int(3...7)).map { _ in vocabulary.word(&random, skip: 3) }.joined(separator: " ") + "?"
        let id = Self.uuid(&random)
        let status = random.pick(Self.statuses)
        let created = random.int(0...1300)
        var commentCount = Int(exp(random.normal() * 1.0 + 1.2))
        if random.chance(0.002) { commentCount = random.int(500...2000) }
        var thread: [[String: Any]] = []
        var previous: String?
        for number in 0..<commentCount {
            let official = status == "officially_answered" && number == 0
            let commentID = Self.uuid(&random)
            thread.append([
                "id": commentID, "post_id": id, "body": (0..<random.int(1...3)).map { _ in writer.paragraph(&random) }.joined(separator: "\n\n"),
                "author_name": Self.titleCase([vocabulary.word(&random, skip: 200), vocabulary.word(&random, skip: 200)]),
                "created_at": Self.date(day: created + number / 8 + 1), "is_agent": official || random.chance(0.1),
                "is_official_answer": official,
                "parent_id": previous.map { random.chance(0.2) ? $0 as Any : NSNull() } ?? NSNull(),
            ])
            previous = commentID
        }
        let slug = "p\(index)-" + Self.slug(title).prefix(60)
        let body = (0..<random.int(1...4)).map { _ in writer.paragraph(&random) }.joined(separator: "\n\n")
        let votes = Int(exp(random.normal() * 1.3 + 2))
        let json: [String: Any] = [
            "id": id, "slug": slug, "title": title, "body": body,
            "topic": ["id": topicID, "name": Self.topics[topicIndex], "slug": Self.slug(Self.topics[topicIndex])],
            "topic_id": topicID, "status": status, "visibility": "public",
            "vote_count": votes, "comment_count": commentCount,
            "is_pinned": random.chance(0.005), "is_locked": random.chance(0.01), "attachments": [] as [Any],
            "author_name": Self.titleCase([vocabulary.word(&random, skip: 200), vocabulary.word(&random, skip: 200)]),
            "created_at": Self.date(day: created), "updated_at": Self.date(day: created + commentCount / 8 + 1),
        ]
        return Post(slug: slug, title: title, body: body, topic: Self.topics[topicIndex], voteCount: votes, status: status,
                    json: json, comments: thread)
    }

    func articleURL(_ index: Int) -> String {
        Self.hostedBase + options.team + "/articles/" + articleTitles[index].slug
    }

    // MARK: - Text helpers

    static func titleCase(_ words: [String]) -> String {
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "untitled" : slug
    }

    static func uuid(_ random: inout SeededGenerator) -> String {
        uuid(seed: random.next())
    }

    static func uuid(seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        let hex = String(random.next(), radix: 16).leftPadded(16) + String(random.next(), radix: 16).leftPadded(16)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-8" + String(c[17..<20]) + "-" + String(c[20..<32])
    }

    /// Day `day` after 2023-01-01, at a fixed time.
    static func date(day: Int) -> String {
        let date = Date(timeIntervalSince1970: 1_672_567_200 + Double(day) * 86_400)
        return date.formatted(.iso8601.year().month().day().dateSeparator(.dash)) + "T10:00:00Z"
    }

    static func quote(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }

    static func json(_ object: [String: Any], first: Bool) -> Data {
        var data = first ? Data() : Data(",".utf8)
        data.append(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
        return data
    }
}

extension String {
    fileprivate func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
