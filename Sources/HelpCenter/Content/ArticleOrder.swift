import CStar

/// The order of a category's articles: by the position the API gives (`position`, `sortOrder`,
/// `sort_order` or `order`), those without one after those with one, and the API's order among equals.
enum ArticleOrder {
    static let positionField = JSONField("position", "sortOrder", "sort_order", "order")

    static func position(of article: LibraryArticle) -> Int? {
        article.json.int(positionField)
    }

    /// `indices` sorted by `positions[index]`, the given order breaking ties.
    static func sorted(_ indices: [Int], positions: [Int?]) -> [Int] {
        indices.enumerated().sorted { lhs, rhs in
            switch (positions[lhs.element], positions[rhs.element]) {
            case let (a?, b?) where a != b: a < b
            case (_?, nil): true
            case (nil, _?): false
            default: lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}
