import Foundation

/// A file attached to a post or comment.
public struct Attachment: APIObject {
    public enum Field {
        public static let filename = JSONField("filename")
        public static let contentType = JSONField("content_type", "contentType")
        public static let sizeBytes = JSONField("size_bytes", "sizeBytes")
        public static let storagePath = JSONField("storage_path", "storagePath")
    }

    public static let requiredFields: [JSONField] = []
    public let json: JSONObject
    public init(unchecked json: JSONObject) { self.json = json }

    public var filename: String? { json.string(Field.filename) }
    public var contentType: String? { json.string(Field.contentType) }
    public var sizeBytes: Int? { json.int(Field.sizeBytes) }
    /// Where the file is stored; how it maps to a public URL is not documented.
    public var storagePath: String? { json.string(Field.storagePath) }
}
