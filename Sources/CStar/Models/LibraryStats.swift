import Foundation

/// Knowledge-base totals (`GET /api/library/{team}/stats`).
public struct LibraryStats: APIObject {
    public enum Field {
        public static let totalArticles = JSONField("totalArticles", "total_articles")
        public static let totalCategories = JSONField("totalCategories", "total_categories")
        public static let totalViews = JSONField("totalViews", "total_views")
    }

    public static let requiredFields: [JSONField] = []
    public let json: JSONObject
    public init(unchecked json: JSONObject) { self.json = json }

    public init(totalArticles: Int, totalCategories: Int, totalViews: Int) {
        json = [
            "totalArticles": .int(Int64(totalArticles)), "totalCategories": .int(Int64(totalCategories)),
            "totalViews": .int(Int64(totalViews)),
        ]
    }

    public var totalArticles: Int { json.int(Field.totalArticles) ?? 0 }
    public var totalCategories: Int { json.int(Field.totalCategories) ?? 0 }
    public var totalViews: Int { json.int(Field.totalViews) ?? 0 }
}
