import CStar

/// A community topic as the site uses it, with its posts in both orders its pages show.
public struct TopicItem: Sendable, Hashable {
    public var id: String
    /// The slug the API gives, by which posts name their topic.
    public var apiSlug: String
    /// The slug of its page.
    public var slug: String
    public var name: String
    public var description: String?
    /// Its posts' indices in ``SiteContent/posts``: pinned first, newest first.
    public var posts: [Int]
    /// The same posts by votes: pinned first, most votes, then newest.
    public var postsByVotes: [Int]

    init(_ topic: Topic, slug: String) {
        id = ControlCharacters.replaced(in: topic.id)
        apiSlug = ControlCharacters.replaced(in: topic.slug)
        self.slug = slug
        name = ControlCharacters.replaced(in: topic.name)
        description = topic.description.map(ControlCharacters.replaced(in:))
        posts = []
        postsByVotes = []
    }
}
