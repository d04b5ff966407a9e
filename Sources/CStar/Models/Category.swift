import Foundation

/// A knowledge-base category (`GET /api/library/{team}/categories`).
public struct Category: APIObject {
    public enum Field {
        public static let id = JSONField("id")
        public static let name = JSONField("name")
        public static let slug = JSONField("slug")
        public static let description = JSONField("description")
        public static let icon = JSONField("icon")
        public static let color = JSONField("color")
        public static let sortOrder = JSONField("sortOrder", "sort_order")
        public static let articleCount = JSONField("articleCount", "article_count")
    }

    public static let requiredFields = [Field.id, Field.name, Field.slug]
    public let json: JSONObject
    public init(unchecked json: JSONObject) { self.json = json }

    public init(
        id: String, name: String, slug: String, description: String? = nil, icon: String? = nil,
        color: String? = nil, sortOrder: Int? = nil, articleCount: Int? = nil
    ) {
        var json: JSONObject = ["id": .string(id), "name": .string(name), "slug": .string(slug)]
        json["description"] = description.map(JSONValue.string)
        json["icon"] = icon.map(JSONValue.string)
        json["color"] = color.map(JSONValue.string)
        json["sortOrder"] = sortOrder.map { .int(Int64($0)) }
        json["articleCount"] = articleCount.map { .int(Int64($0)) }
        self.json = json
    }

    public var id: String { json.string(Field.id) ?? "" }
    public var name: String { json.string(Field.name) ?? "" }
    public var slug: String { json.string(Field.slug) ?? "" }
    public var description: String? { json.string(Field.description) }
    public var icon: String? { json.string(Field.icon) }
    public var color: String? { json.string(Field.color) }
    public var sortOrder: Int? { json.int(Field.sortOrder) }
    public var articleCount: Int? { json.int(Field.articleCount) }
}
