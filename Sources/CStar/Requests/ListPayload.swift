import Foundation

/// A list response read tolerantly: the items from a bare array, from `data`, or from a named key
/// (`posts`, `articles`, …) inside `data` or at the top; the total from the first of `count`, `total`,
/// `totalCount` beside the items or at the top, or from `meta.pagination.total`.
struct ListPayload<T: APIObject>: DecodesWholeBody {
    let items: [T]
    let count: Int?

    private static var itemKeys: [String] { ["posts", "articles", "categories", "topics", "items", "results", "hits"] }
    private static var countField: JSONField { JSONField("count", "total", "totalCount", "total_count") }

    init(from decoder: any Decoder) throws {
        let root = try decoder.singleValueContainer().decode(JSONValue.self)
        let object = root.objectValue ?? [:]
        let data = object["data"] ?? root
        var path = object["data"] == nil ? "" : "data"
        var list = data.arrayValue
        var count = object.int(Self.countField)
        if list == nil, let container = data.objectValue {
            count = count ?? container.int(Self.countField)
            if let key = Self.itemKeys.first(where: { container[$0]?.arrayValue != nil }) {
                list = container[key]?.arrayValue
                path += path.isEmpty ? key : ".\(key)"
            }
        }
        if count == nil, let pagination = object.object(JSONField("meta"))?.object(JSONField("pagination")) {
            count = pagination.int(Self.countField)
        }
        guard let list else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a list of \(T.self) objects"))
        }
        items = try list.enumerated().map { index, value in
            let location = (path.isEmpty ? "" : path) + "[\(index)]"
            guard let object = value.objectValue else {
                throw DecodingError.typeMismatch(
                    T.self, .init(codingPath: [JSONKey(location)], debugDescription: "expected an object"))
            }
            do {
                return try T(json: object)
            } catch DecodingError.keyNotFound(let key, let context) {
                throw DecodingError.keyNotFound(key, .init(codingPath: [JSONKey(location)], debugDescription: context.debugDescription))
            }
        }
        self.count = count
    }
}

/// `{ post, comments }`, or a post object carrying its own `comments`; `null` for none.
struct ThreadPayload: DecodesWholeBody {
    let thread: PostThread?

    init(from decoder: any Decoder) throws {
        let root = try decoder.singleValueContainer().decode(JSONValue.self)
        let data = root.objectValue?["data"] ?? root
        guard var container = data.objectValue else {
            thread = nil
            return
        }
        let commentValues = container["comments"]?.arrayValue ?? container.object(JSONField("post"))?["comments"]?.arrayValue ?? []
        if let post = container.object(JSONField("post")) { container = post }
        let post = try Post(json: container)
        let comments = try commentValues.enumerated().map { index, value in
            guard let object = value.objectValue else {
                throw DecodingError.typeMismatch(
                    Comment.self, .init(codingPath: [JSONKey("comments[\(index)]")], debugDescription: "expected an object"))
            }
            return try Comment(json: object)
        }
        thread = PostThread(post: post, comments: comments)
    }
}
