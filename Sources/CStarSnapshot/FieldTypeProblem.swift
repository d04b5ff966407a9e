import CStar

/// A field the generator reads whose value has a kind it cannot use, so it is read as absent, e.g.
/// `library.articles[3].viewCount: expected a number, got a string`.
public struct FieldTypeProblem: Sendable, Hashable, CustomStringConvertible {
    /// Where the value is, as a JSON path with the field's spelling in the file.
    public var path: String
    /// The kind the field must have (`a number`, `a string`, …).
    public var expected: String
    /// The kind the value has.
    public var found: String

    public var description: String { "\(path): expected \(expected), got \(found)" }
}

extension Snapshot {
    /// The known fields of the snapshot's objects whose values cannot be read, object by object in the
    /// file's order.
    public var fieldTypeProblems: [FieldTypeProblem] {
        var problems: [FieldTypeProblem] = []
        func check(_ objects: [some APIObject], at path: String, _ fields: FieldKind.Table) {
            for (index, object) in objects.enumerated() {
                var found: [FieldTypeProblem] = []
                // One look-up per key the object has; most objects have no problem at all.
                for (name, value) in object.json {
                    guard let kind = fields[name], value != .null, !kind.accepts(value) else { continue }
                    found.append(FieldTypeProblem(path: "\(path)[\(index)].\(name)", expected: kind.description, found: value.kindDescription))
                }
                problems += found.sorted { $0.path < $1.path }
            }
        }
        check(library.categories, at: "library.categories", FieldKind.category)
        check(library.articles, at: "library.articles", FieldKind.article)
        if let community {
            check(community.topics, at: "community.topics", FieldKind.topic)
            check(community.posts, at: "community.posts", FieldKind.post)
            for (post, comments) in community.comments.sorted(by: { $0.key < $1.key }) {
                check(comments, at: "community.comments.\(post)", FieldKind.comment)
            }
        }
        return problems
    }
}

/// The kind of value a field must have to be read, as the models' accessors read it.
enum FieldKind: CustomStringConvertible {
    case string, number, boolean, object, array

    func accepts(_ value: JSONValue) -> Bool {
        switch self {
        case .string: value.stringValue != nil
        case .number: value.intValue != nil
        case .boolean: value.boolValue != nil
        case .object: value.objectValue != nil
        case .array: value.arrayValue != nil
        }
    }

    var description: String {
        switch self {
        case .string: "a string"
        case .number: "a whole number"
        case .boolean: "true or false"
        case .object: "an object"
        case .array: "an array"
        }
    }

    /// The kind of each known field, by every spelling of its name.
    typealias Table = [String: FieldKind]

    static let category = table(
        strings: [CStar.Category.Field.id, CStar.Category.Field.name, CStar.Category.Field.slug, CStar.Category.Field.description, CStar.Category.Field.icon, CStar.Category.Field.color],
        numbers: [CStar.Category.Field.sortOrder, CStar.Category.Field.articleCount])
    static let article = table(
        strings: [LibraryArticle.Field.id, LibraryArticle.Field.slug, LibraryArticle.Field.title, LibraryArticle.Field.content,
                  LibraryArticle.Field.excerpt, LibraryArticle.Field.category, LibraryArticle.Field.categorySlug,
                  LibraryArticle.Field.categoryID, LibraryArticle.Field.readTime, LibraryArticle.Field.metaDescription,
                  LibraryArticle.Field.publishedAt, LibraryArticle.Field.updatedAt],
        numbers: [LibraryArticle.Field.viewCount, LibraryArticle.Field.helpfulCount, LibraryArticle.Field.notHelpfulCount],
        arrays: [LibraryArticle.Field.tags])
    static let topic = table(
        strings: [Topic.Field.id, Topic.Field.name, Topic.Field.slug, Topic.Field.description, Topic.Field.icon, Topic.Field.color],
        numbers: [Topic.Field.sortOrder, Topic.Field.postCount])
    static let post = table(
        strings: [Post.Field.id, Post.Field.title, Post.Field.slug, Post.Field.body, Post.Field.topicID, Post.Field.status,
                  Post.Field.visibility, Post.Field.createdAt, Post.Field.updatedAt, Post.Field.authorName, Post.Field.excerpt],
        numbers: [Post.Field.voteCount, Post.Field.commentCount], booleans: [Post.Field.isPinned, Post.Field.isLocked],
        objects: [Post.Field.topic], arrays: [Post.Field.attachments])
    static let comment = table(
        strings: [Comment.Field.id, Comment.Field.postID, Comment.Field.body, Comment.Field.authorName, Comment.Field.parentID,
                  Comment.Field.createdAt],
        booleans: [Comment.Field.isAgent, Comment.Field.isOfficialAnswer], arrays: [Comment.Field.attachments])

    private static func table(
        strings: [JSONField], numbers: [JSONField] = [], booleans: [JSONField] = [], objects: [JSONField] = [], arrays: [JSONField] = []
    ) -> Table {
        let kinds = [(strings, FieldKind.string), (numbers, .number), (booleans, .boolean), (objects, .object), (arrays, .array)]
        return Dictionary(uniqueKeysWithValues: kinds.flatMap { fields, kind in fields.flatMap(\.names).map { ($0, kind) } })
    }
}

extension JSONValue {
    /// The kind of the value in words: `an object`, `an array`, `a string`, `a number`, `a boolean`, `null`.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "a number"
        case .double(let value): "the number \(value)"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
