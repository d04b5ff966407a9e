import Foundation

/// A comment on a community post.
public struct Comment: APIObject {
    public enum Field {
        public static let id = JSONField("id")
        public static let postID = JSONField("post_id", "postId")
        public static let body = JSONField("body")
        public static let authorName = JSONField("author_name", "authorName")
        public static let isAgent = JSONField("is_agent", "isAgent")
        public static let isOfficialAnswer = JSONField("is_official_answer", "isOfficialAnswer")
        public static let parentID = JSONField("parent_id", "parentId")
        public static let attachments = JSONField("attachments")
        public static let createdAt = JSONField("created_at", "createdAt")
    }

    public static let requiredFields = [Field.id, Field.body]
    public let json: JSONObject
    public init(unchecked json: JSONObject) { self.json = json }

    public init(
        id: String, postID: String, body: String, authorName: String? = nil, isAgent: Bool = false,
        isOfficialAnswer: Bool = false, createdAt: String? = nil
    ) {
        var json: JSONObject = [
            "id": .string(id), "post_id": .string(postID), "body": .string(body), "is_agent": .bool(isAgent),
            "is_official_answer": .bool(isOfficialAnswer),
        ]
        json["author_name"] = authorName.map(JSONValue.string)
        json["created_at"] = createdAt.map(JSONValue.string)
        self.json = json
    }

    public var id: String { json.string(Field.id) ?? "" }
    public var postID: String? { json.string(Field.postID) }
    public var body: String { json.string(Field.body) ?? "" }
    public var authorName: String? { json.string(Field.authorName) }
    public var isAgent: Bool { json.bool(Field.isAgent) ?? false }
    public var isOfficialAnswer: Bool { json.bool(Field.isOfficialAnswer) ?? false }
    public var parentID: String? { json.string(Field.parentID) }
    public var attachments: [Attachment] {
        (json.value(Field.attachments)?.arrayValue ?? []).compactMap { $0.objectValue.map(Attachment.init(unchecked:)) }
    }
    public var createdAt: Date? { json.string(Field.createdAt).flatMap(ISODate.parse) }
}
