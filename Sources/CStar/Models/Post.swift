import Foundation

/// A community forum post.
public struct Post: APIObject {
    public enum Field {
        public static let id = JSONField("id")
        public static let title = JSONField("title")
        public static let slug = JSONField("slug")
        public static let body = JSONField("body")
        public static let topicID = JSONField("topic_id", "topicId")
        public static let topic = JSONField("topic")
        public static let status = JSONField("status")
        public static let visibility = JSONField("visibility")
        public static let voteCount = JSONField("vote_count", "voteCount")
        public static let commentCount = JSONField("comment_count", "commentCount")
        public static let isPinned = JSONField("is_pinned", "isPinned")
        public static let isLocked = JSONField("is_locked", "isLocked")
        public static let attachments = JSONField("attachments")
        public static let createdAt = JSONField("created_at", "createdAt")
        public static let updatedAt = JSONField("updated_at", "updatedAt")
        public static let authorName = JSONField("author_name", "authorName")
        public static let excerpt = JSONField("excerpt")
        public static let highlight = JSONField("highlight", "headline", "snippet")
    }

    /// The statuses the API documents; others are kept as ``Status/other(_:)``.
    public enum Status: Sendable, Hashable {
        case open, answered, officiallyAnswered, planned, notPlanned, completed, underReview
        case other(String)

        public init(rawValue: String) {
            switch rawValue {
            case "open": self = .open
            case "answered": self = .answered
            case "officially_answered": self = .officiallyAnswered
            case "planned": self = .planned
            case "not_planned": self = .notPlanned
            case "completed": self = .completed
            case "under_review": self = .underReview
            default: self = .other(rawValue)
            }
        }

        public var rawValue: String {
            switch self {
            case .open: "open"
            case .answered: "answered"
            case .officiallyAnswered: "officially_answered"
            case .planned: "planned"
            case .notPlanned: "not_planned"
            case .completed: "completed"
            case .underReview: "under_review"
            case .other(let value): value
            }
        }
    }

    public static let requiredFields = [Field.id, Field.slug, Field.title]
    public let json: JSONObject
    public init(unchecked json: JSONObject) { self.json = json }

    public init(
        id: String, slug: String, title: String, body: String, topicID: String? = nil, status: Status = .open,
        voteCount: Int = 0, commentCount: Int = 0, isPinned: Bool = false, createdAt: String? = nil,
        authorName: String? = nil
    ) {
        var json: JSONObject = [
            "id": .string(id), "slug": .string(slug), "title": .string(title), "body": .string(body),
            "status": .string(status.rawValue), "visibility": "public", "vote_count": .int(Int64(voteCount)),
            "comment_count": .int(Int64(commentCount)), "is_pinned": .bool(isPinned), "is_locked": false,
            "attachments": [],
        ]
        json["topic_id"] = topicID.map(JSONValue.string)
        json["created_at"] = createdAt.map(JSONValue.string)
        json["author_name"] = authorName.map(JSONValue.string)
        self.json = json
    }

    public var id: String { json.string(Field.id) ?? "" }
    public var slug: String { json.string(Field.slug) ?? "" }
    public var title: String { json.string(Field.title) ?? "" }
    /// The post text, treated as Markdown.
    public var body: String { json.string(Field.body) ?? "" }
    public var topicID: String? { json.string(Field.topicID) ?? json.object(Field.topic)?.string(Topic.Field.id) }
    /// The slug of the joined topic, when the API sends one.
    public var topicSlug: String? { json.object(Field.topic)?.string(Topic.Field.slug) }
    public var status: Status { json.string(Field.status).map(Status.init(rawValue:)) ?? .open }
    /// `public` or `members_only`; absent means public.
    public var visibility: String { json.string(Field.visibility) ?? "public" }
    public var isPublic: Bool { visibility == "public" }
    public var voteCount: Int { json.int(Field.voteCount) ?? 0 }
    public var commentCount: Int { json.int(Field.commentCount) ?? 0 }
    public var isPinned: Bool { json.bool(Field.isPinned) ?? false }
    public var isLocked: Bool { json.bool(Field.isLocked) ?? false }
    public var attachments: [Attachment] {
        (json.value(Field.attachments)?.arrayValue ?? []).compactMap { $0.objectValue.map(Attachment.init(unchecked:)) }
    }
    public var createdAt: Date? { json.string(Field.createdAt).flatMap(ISODate.parse) }
    public var updatedAt: Date? { json.string(Field.updatedAt).flatMap(ISODate.parse) }
    public var authorName: String? { json.string(Field.authorName) }
    public var excerpt: String? { json.string(Field.excerpt) }
    /// The highlighted excerpt of a search hit, with matches in `<mark>` tags.
    public var highlight: String? { json.string(Field.highlight) }
}
