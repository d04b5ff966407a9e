/// The articles an article page suggests: up to five, those sharing the most tags (two points each) and
/// the same category (one point) first, then the most viewed, then the earlier in the site's order.
enum RelatedArticles {
    static let count = 5

    /// The related articles of every article, by index in `articles`.
    static func all(_ articles: [ArticleItem]) -> [[Int]] {
        let tags = articles.map { Set($0.tags) }
        var byTag: [String: [Int]] = [:]
        var byCategory: [Int: [Int]] = [:]
        for (index, article) in articles.enumerated() {
            for tag in tags[index] { byTag[tag, default: []].append(index) }
            if let category = article.categoryIndex { byCategory[category, default: []].append(index) }
        }
        let (tagged, categorized) = (byTag, byCategory)
        // In parts on all cores: on a large site an article shares tags with thousands of others.
        return ParallelParts.map(articles.count, partsPerCore: 4) { range in
            range.map { related(to: $0, in: articles, tags: tags, byTag: tagged, byCategory: categorized) }
        }
    }

    /// The related articles of the article at `index`.
    private static func related(
        to index: Int, in articles: [ArticleItem], tags: [Set<String>], byTag: [String: [Int]], byCategory: [Int: [Int]]
    ) -> [Int] {
        // Only articles sharing a tag or the category can score: count those up instead of all.
        var scores: [Int: Int] = [:]
        if let category = articles[index].categoryIndex {
            for other in byCategory[category] ?? [] { scores[other, default: 0] += 1 }
        }
        for tag in tags[index] {
            for other in byTag[tag] ?? [] { scores[other, default: 0] += 2 }
        }
        scores[index] = nil
        func ranksBefore(_ lhs: (index: Int, score: Int), _ rhs: (index: Int, score: Int)) -> Bool {
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let (a, b) = (articles[lhs.index].viewCount, articles[rhs.index].viewCount)
            if a != b { return a > b }
            return lhs.index < rhs.index
        }
        var best: [(index: Int, score: Int)] = []
        for candidate in scores where best.count < count || ranksBefore((candidate.key, candidate.value), best[count - 1]) {
            let item = (index: candidate.key, score: candidate.value)
            best.insert(item, at: best.firstIndex { ranksBefore(item, $0) } ?? best.count)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.index)
    }
}
