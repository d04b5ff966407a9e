import CStar

/// A community topic as the site uses it, with its posts in both orders its pages show.
public struct TopicItem: Sendable, Hashable {
    public var id: String
    public var slug: String
    public var name: String
    public var description: String?
    /// Its posts' indices in ``SiteContent/posts``: pinned first, newest first.
    public var posts: [Int]
    /// The same posts by votes: pinned first, most votes, then newest.
    public var postsByVotes: [Int]

    init(_ topic: Topic, slug: String) {
        let clean: (String) -> String = { ControlCharacters.replaced(in: $0) }
        id = clean(topic.id)
        self.slug = slug
        name = clean(topic.name)
        description = topic.description.map(clean)
        posts = []
        postsByVotes = []
    }
}
