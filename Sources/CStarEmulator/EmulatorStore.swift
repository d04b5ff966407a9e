import CStar
import CStarSnapshot
import Foundation

/// A snapshot indexed for the emulator's queries: filters, sort orders and search, as the contract
/// describes the real API (`shared/cstar-public-api.md` §3, §4).
struct EmulatorStore: Sendable {
    let snapshot: Snapshot
    let teamIDs: Set<String>
    let categories: [CStar.Category]
    /// Articles in list order: category order, then newest `publishedAt` first.
    let articles: [LibraryArticle]
    let articlesBySlug: [String: LibraryArticle]
    let topics: [Topic]
    /// Public posts only.
    let posts: [Post]
    let postsBySlug: [String: Post]

    init(snapshot: Snapshot, teamID: String? = nil) {
        self.snapshot = snapshot
        teamIDs = Set([snapshot.team.slug] + (teamID.map { [$0] } ?? []))
        categories = snapshot.library.categories
        let categoryRank = Dictionary(
            snapshot.library.categories.enumerated().flatMap { index, category in
                [(category.slug, index), (category.id, index), (category.name, index)]
            }, uniquingKeysWith: { first, _ in first })
        func rank(_ article: LibraryArticle) -> Int {
            [article.categorySlug, article.categoryID, article.category].lazy.compactMap { $0 }
                .compactMap { categoryRank[$0] }.first ?? Int.max
        }
        articles = snapshot.library.articles.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            let (da, db) = (a.publishedAt ?? .distantPast, b.publishedAt ?? .distantPast)
            if da != db { return da > db }
            return lhs.offset < rhs.offset
        }.map(\.element)
        articlesBySlug = Dictionary(articles.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        topics = snapshot.community?.topics ?? []
        posts = (snapshot.community?.posts ?? []).filter(\.isPublic)
        postsBySlug = Dictionary(posts.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func isTeam(_ team: String) -> Bool { teamIDs.contains(team) }

    func articles(inCategory category: String?) -> [LibraryArticle] {
        guard let category else { return articles }
        let ids = categories.first { $0.slug == category }.map { [$0.id, $0.name] } ?? []
        return articles.filter { article in
            article.categorySlug == category || ids.contains(article.categoryID ?? "\u{0}")
                || (article.categorySlug == nil && article.categoryID == nil && ids.contains(article.category ?? "\u{0}"))
        }
    }

    func popular() -> [LibraryArticle] {
        if !snapshot.library.popular.isEmpty {
            return snapshot.library.popular.compactMap { articlesBySlug[$0] }
        }
        return articles.sorted { ($0.viewCount ?? 0) > ($1.viewCount ?? 0) }
    }

    func stats() -> LibraryStats {
        snapshot.library.stats
            ?? LibraryStats(
                totalArticles: articles.count, totalCategories: categories.count,
                totalViews: articles.reduce(0) { $0 + ($1.viewCount ?? 0) })
    }

    func posts(topic: String?, sort: PostSort) -> [Post] {
        var selected = posts
        if let topic {
            let topicID = topics.first { $0.slug == topic }?.id
            selected = selected.filter { post in
                post.topicSlug == topic || (topicID != nil && post.topicID == topicID)
            }
        }
        func key(_ post: Post) -> Int {
            switch sort {
            case .recent: 0
            case .votes: post.voteCount
            case .comments: post.commentCount
            }
        }
        return selected.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.isPinned != b.isPinned { return a.isPinned }
            if key(a) != key(b) { return key(a) > key(b) }
            let (da, db) = (a.createdAt ?? .distantPast, b.createdAt ?? .distantPast)
            if da != db { return da > db }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    func comments(of post: Post) -> [Comment] {
        snapshot.community?.comments[post.slug] ?? []
    }

    /// Articles whose title, excerpt or content contain every word of `query`, title matches first.
    func searchArticles(_ query: String) -> [(item: LibraryArticle, highlight: String)] {
        SearchText.search(articles, query: query, title: \.title) { article in
            let excerpt = article.excerpt ?? ""
            return [excerpt, article.content ?? ""]
        }
    }

    /// Public posts whose title or body contain every word of `query`, title matches first.
    func searchPosts(_ query: String) -> [(item: Post, highlight: String)] {
        SearchText.search(posts(topic: nil, sort: .recent), query: query, title: \.title) { [$0.body] }
    }
}

/// Query terms and highlighted excerpts for the emulator's search.
enum SearchText {
    static func terms(_ query: String) -> [String] {
        query.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// The items whose title or texts contain every term, those with more terms in the title first;
    /// each with a highlighted excerpt of the first text that has a match.
    static func search<Item>(
        _ items: [Item], query: String, title: (Item) -> String, texts: (Item) -> [String]
    ) -> [(item: Item, highlight: String)] {
        let terms = terms(query)
        guard !terms.isEmpty else { return [] }
        let hits = items.enumerated().compactMap { offset, item -> (Int, Int, Item, String)? in
            let lowerTitle = title(item).lowercased()
            let itemTexts = texts(item)
            let haystack = ([lowerTitle] + itemTexts.map { $0.lowercased() }).joined(separator: "\n")
            guard terms.allSatisfy(haystack.contains) else { return nil }
            let source = itemTexts.first { text in terms.contains(where: text.lowercased().contains) } ?? itemTexts.first ?? ""
            return (terms.filter(lowerTitle.contains).count, offset, item, highlight(source, terms: terms))
        }
        return hits.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map { ($0.2, $0.3) }
    }

    /// About 160 characters around the first match, HTML-escaped, with every term in `<mark>`.
    static func highlight(_ text: String, terms: [String]) -> String {
        let flat = Array(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        func matches(_ term: String, at index: Int) -> Bool {
            let end = min(flat.count, index + term.count)
            return String(flat[index..<end]).lowercased() == term
        }
        let first = flat.indices.first { index in terms.contains { matches($0, at: index) } } ?? 0
        let start = max(0, first - 60)
        let end = min(flat.count, start + 160)
        var result = start > 0 ? "…" : ""
        var index = start
        while index < end {
            if let term = terms.first(where: { !$0.isEmpty && matches($0, at: index) }) {
                let stop = min(flat.count, index + term.count)
                result += "<mark>" + escape(String(flat[index..<stop])) + "</mark>"
                index = stop
            } else {
                result += escape(String(flat[index]))
                index += 1
            }
        }
        return result + (end < flat.count ? "…" : "")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
