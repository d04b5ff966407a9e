import CStar
import Foundation

/// A public community post as the site uses it, with its comments.
public struct PostItem: Sendable, Hashable {
    public var id: String
    public var slug: String
    public var title: String
    public var markdown: String
    public var excerpt: String?
    public var status: String
    public var voteCount: Int
    public var authorName: String?
    public var isPinned: Bool
    public var isLocked: Bool
    public var createdAt: Date?
    public var updatedAt: Date?
    /// The index of its topic in ``SiteContent/topics``.
    public var topicIndex: Int?
    public var comments: [CommentItem]

    init(_ post: Post, slug: String, topicIndex: Int?, comments: [CStar.Comment]) {
        let clean: (String) -> String = { ControlCharacters.replaced(in: $0) }
        id = clean(post.id)
        self.slug = slug
        title = clean(post.title)
        markdown = clean(post.body)
        excerpt = post.excerpt.map(clean)
        status = clean(post.status.rawValue)
        voteCount = post.voteCount
        authorName = post.authorName.map(clean)
        isPinned = post.isPinned
        isLocked = post.isLocked
        createdAt = post.json.string(Post.Field.createdAt).map(clean).flatMap(ISODate.parse)
        updatedAt = post.json.string(Post.Field.updatedAt).map(clean).flatMap(ISODate.parse)
        self.topicIndex = topicIndex
        self.comments = comments.map(CommentItem.init)
    }
}

/// A comment on a post.
public struct CommentItem: Sendable, Hashable {
    public var id: String
    public var markdown: String
    public var authorName: String?
    public var isAgent: Bool
    public var isOfficialAnswer: Bool
    public var parentID: String?
    public var createdAt: Date?

    init(_ comment: CStar.Comment) {
        let clean: (String) -> String = { ControlCharacters.replaced(in: $0) }
        id = clean(comment.id)
        markdown = clean(comment.body)
        authorName = comment.authorName.map(clean)
        isAgent = comment.isAgent
        isOfficialAnswer = comment.isOfficialAnswer
        parentID = comment.parentID.map(clean)
        createdAt = comment.json.string(CStar.Comment.Field.createdAt).map(clean).flatMap(ISODate.parse)
    }
}
