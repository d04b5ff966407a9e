import Foundation

/// A knowledge-base search result: the hits (list-form articles with ``LibraryArticle/highlight``) and the total.
public struct LibrarySearchResults: Sendable, Hashable {
    public var hits: [LibraryArticle]
    /// The number of matching articles, which may exceed `hits.count`.
    public var count: Int
}

extension LibraryArticle {
    /// The highlighted excerpt of a search hit, with matches in `<mark>` tags.
    public var highlight: String? { json.string(Field.highlight) ?? json.string(Field.excerpt) }
}

/// One page of community posts and the total number of posts that match.
public struct PostPage: Sendable, Hashable {
    public var posts: [Post]
    public var count: Int
}

/// A community post with all of its comments, oldest first.
public struct PostThread: Sendable, Hashable {
    public var post: Post
    public var comments: [Comment]
}

/// A community search result.
public struct PostSearchResults: Sendable, Hashable {
    public var hits: [Post]
    public var count: Int
}

/// How a list of posts is ordered; pinned posts always come first.
public enum PostSort: String, Sendable, CaseIterable {
    case recent, votes, comments
}
