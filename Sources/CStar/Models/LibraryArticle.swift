import Foundation

/// A knowledge-base article: the single form carries `content` (Markdown); list forms may omit it.
public struct LibraryArticle: APIObject {
    public enum Field {
        public static let id = JSONField("id")
        public static let slug = JSONField("slug")
        public static let title = JSONField("title")
        public static let content = JSONField("content")
        public static let excerpt = JSONField("excerpt")
        public static let category = JSONField("category")
        public static let categorySlug = JSONField("categorySlug", "category_slug")
        public static let categoryID = JSONField("categoryId", "category_id")
        public static let tags = JSONField("tags")
        public static let viewCount = JSONField("viewCount", "view_count")
        public static let readTime = JSONField("readTime", "read_time")
        public static let metaDescription = JSONField("metaDescription", "meta_description")
        public static let helpfulCount = JSONField("helpfulCount", "helpful_count")
        public static let notHelpfulCount = JSONField("notHelpfulCount", "not_helpful_count")
        public static let publishedAt = JSONField("publishedAt", "published_at")
        public static let updatedAt = JSONField("updatedAt", "updated_at")
        /// The highlighted excerpt of a search hit, with matches in `<mark>` tags.
        public static let highlight = JSONField("highlight", "headline", "snippet")
    }

    public static let requiredFields = [Field.id, Field.slug, Field.title]
    public let json: JSONObject
    public init(unchecked json: JSONObject) { self.json = json }

    public init(
        id: String, slug: String, title: String, content: String? = nil, excerpt: String? = nil,
        category: String? = nil, categorySlug: String? = nil, categoryID: String? = nil, tags: [String]? = nil,
        viewCount: Int? = nil, readTime: String? = nil, publishedAt: String? = nil, updatedAt: String? = nil
    ) {
        var json: JSONObject = ["id": .string(id), "slug": .string(slug), "title": .string(title)]
        json["content"] = content.map(JSONValue.string)
        json["excerpt"] = excerpt.map(JSONValue.string)
        json["category"] = category.map(JSONValue.string)
        json["categorySlug"] = categorySlug.map(JSONValue.string)
        json["categoryId"] = categoryID.map(JSONValue.string)
        json["tags"] = tags.map { .array($0.map(JSONValue.string)) }
        json["viewCount"] = viewCount.map { .int(Int64($0)) }
        json["readTime"] = readTime.map(JSONValue.string)
        json["publishedAt"] = publishedAt.map(JSONValue.string)
        json["updatedAt"] = updatedAt.map(JSONValue.string)
        self.json = json
    }

    public var id: String { json.string(Field.id) ?? "" }
    public var slug: String { json.string(Field.slug) ?? "" }
    public var title: String { json.string(Field.title) ?? "" }
    /// The article body in Markdown; `nil` in list forms that omit it.
    public var content: String? { json.string(Field.content) }
    public var excerpt: String? { json.string(Field.excerpt) }
    /// The category's display name.
    public var category: String? { json.string(Field.category) }
    public var categorySlug: String? { json.string(Field.categorySlug) }
    public var categoryID: String? { json.string(Field.categoryID) }
    public var tags: [String] { json.strings(Field.tags) ?? [] }
    public var viewCount: Int? { json.int(Field.viewCount) }
    public var readTime: String? { json.string(Field.readTime) }
    public var metaDescription: String? { json.string(Field.metaDescription) }
    public var helpfulCount: Int? { json.int(Field.helpfulCount) }
    public var notHelpfulCount: Int? { json.int(Field.notHelpfulCount) }
    public var publishedAt: Date? { json.string(Field.publishedAt).flatMap(ISODate.parse) }
    public var updatedAt: Date? { json.string(Field.updatedAt).flatMap(ISODate.parse) }

    /// The article without its body, as list endpoints send it.
    public var listForm: LibraryArticle {
        var json = json
        json.set(Field.content, nil)
        return LibraryArticle(unchecked: json)
    }
}
