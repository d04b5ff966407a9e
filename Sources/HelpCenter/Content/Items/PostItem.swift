import CStar
import Foundation

/// A public community post as the site uses it, with its comments.
public struct PostItem: Sendable, Hashable {
    public var id: String
    /// The slug the API gives, which its comments are filed under.
    public var apiSlug: String
    /// The slug of its page.
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

    init(_ post: Post, slug: String, topicIndex: Int?, comments: [CommentItem] = []) {
        id = ControlCharacters.replaced(in: post.id)
        apiSlug = ControlCharacters.replaced(in: post.slug)
        self.slug = slug
        title = ControlCharacters.replaced(in: post.title)
        markdown = ControlCharacters.replaced(in: post.body)
        excerpt = post.excerpt.map(ControlCharacters.replaced(in:))
        status = ControlCharacters.replaced(in: post.status.rawValue)
        voteCount = post.voteCount
        authorName = post.authorName.map(ControlCharacters.replaced(in:))
        isPinned = post.isPinned
        isLocked = post.isLocked
        createdAt = post.json.string(Post.Field.createdAt).map(ControlCharacters.replaced(in:)).flatMap(ISODate.parse)
        updatedAt = post.json.string(Post.Field.updatedAt).map(ControlCharacters.replaced(in:)).flatMap(ISODate.parse)
        self.topicIndex = topicIndex
        self.comments = comments
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
        id = ControlCharacters.replaced(in: comment.id)
        markdown = ControlCharacters.replaced(in: comment.body)
        authorName = comment.authorName.map(ControlCharacters.replaced(in:))
        isAgent = comment.isAgent
        isOfficialAnswer = comment.isOfficialAnswer
        parentID = comment.parentID.map(ControlCharacters.replaced(in:))
        createdAt = comment.json.string(CStar.Comment.Field.createdAt).map(ControlCharacters.replaced(in:)).flatMap(ISODate.parse)
    }
}
