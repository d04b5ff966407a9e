import CStar

/// The order of articles inside a category: the article's own position where the API gives one
/// (`position`, `sortOrder`, `sort_order` or `order`, ascending), else the API's list order.
enum ArticleOrder {
    static let positionField = JSONField("position", "sortOrder", "sort_order", "order")

    /// The article's position in its category, if the API sent one.
    static func position(of article: LibraryArticle) -> Int? {
        article.json.int(positionField)
    }

    /// `articles` by position; articles without one follow in the order given, as do ties.
    static func sorted(_ articles: [SiteContent.ArticleEntry]) -> [SiteContent.ArticleEntry] {
        let positions = articles.map { position(of: $0.article) }
        return articles.indices.sorted { lhs, rhs in
            switch (positions[lhs], positions[rhs]) {
            case let (a?, b?) where a != b: a < b
            case (_?, nil): true
            case (nil, _?): false
            default: lhs < rhs
            }
        }.map { articles[$0] }
    }
}
