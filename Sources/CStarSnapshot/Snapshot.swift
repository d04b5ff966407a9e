import CStar
import Foundation

/// Everything the generator needs from the cStar public API for one team (`shared/snapshot-format.md`).
///
/// Every object inside is exactly what the API sent; keys this type does not know, at any level, are
/// kept when a snapshot is read and written again.
public struct Snapshot: Sendable, Hashable, Codable {
    public static let format = "cstar-help-snapshot"
    public static let supportedVersions = [1]

    public var version: Int
    public var team: Team
    /// When the content was fetched, ISO-8601.
    public var fetchedAt: String?
    /// The API origin the content came from.
    public var baseURL: String?
    public var library: Library
    /// `nil` for a team without a community forum.
    public var community: Community?
    /// Top-level keys this version of the format does not define.
    public var extra: JSONObject

    public init(
        team: Team, fetchedAt: String? = nil, baseURL: String? = nil, library: Library, community: Community? = nil
    ) {
        version = 1
        self.team = team
        self.fetchedAt = fetchedAt
        self.baseURL = baseURL
        self.library = library
        self.community = community
        extra = [:]
    }

    public struct Team: Sendable, Hashable, Codable {
        public var slug: String
        public var name: String?
        public var extra: JSONObject

        public init(slug: String, name: String? = nil) {
            self.slug = slug
            self.name = name
            extra = [:]
        }

        /// The team's name, or its slug when it has none.
        public var displayName: String { name.flatMap { $0.isEmpty ? nil : $0 } ?? slug }
    }

    public struct Library: Sendable, Hashable, Codable {
        public var categories: [CStar.Category]
        /// Articles in single form, `content` included.
        public var articles: [LibraryArticle]
        /// Slugs of the popular articles, most popular first.
        public var popular: [String]
        public var stats: LibraryStats?
        public var extra: JSONObject

        public init(categories: [CStar.Category], articles: [LibraryArticle], popular: [String] = [], stats: LibraryStats? = nil) {
            self.categories = categories
            self.articles = articles
            self.popular = popular
            self.stats = stats
            extra = [:]
        }
    }

    public struct Community: Sendable, Hashable, Codable {
        public var topics: [Topic]
        public var posts: [Post]
        /// Comments by post slug, oldest first.
        public var comments: [String: [Comment]]
        public var extra: JSONObject

        public init(topics: [Topic], posts: [Post], comments: [String: [Comment]] = [:]) {
            self.topics = topics
            self.posts = posts
            self.comments = comments
            extra = [:]
        }
    }
}

// MARK: - Coding

extension Snapshot {
    private static let keys = ["format", "version", "team", "fetchedAt", "baseUrl", "library", "community"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        let format = try? container.decodeIfPresent(String.self, forKey: JSONKey("format"))
        guard format == Self.format else {
            throw SnapshotError.notASnapshot(found: format)
        }
        let version = try container.decode(Int.self, forKey: JSONKey("version"))
        guard Self.supportedVersions.contains(version) else {
            throw SnapshotError.unsupportedVersion(version, supported: Self.supportedVersions)
        }
        self.version = version
        team = try container.decode(Team.self, forKey: JSONKey("team"))
        fetchedAt = try container.decodeIfPresent(String.self, forKey: JSONKey("fetchedAt"))
        baseURL = try container.decodeIfPresent(String.self, forKey: JSONKey("baseUrl"))
        library = try container.decode(Library.self, forKey: JSONKey("library"))
        community = try container.decodeIfPresent(Community.self, forKey: JSONKey("community"))
        extra = try decodeExtra(container, known: Self.keys)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        try encodeExtra(extra, into: &container)
        try container.encode(Self.format, forKey: JSONKey("format"))
        try container.encode(version, forKey: JSONKey("version"))
        try container.encode(team, forKey: JSONKey("team"))
        try container.encodeIfPresent(fetchedAt, forKey: JSONKey("fetchedAt"))
        try container.encodeIfPresent(baseURL, forKey: JSONKey("baseUrl"))
        try container.encode(library, forKey: JSONKey("library"))
        try container.encodeIfPresent(community, forKey: JSONKey("community"))
    }
}

extension Snapshot.Team {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        slug = try container.decode(String.self, forKey: JSONKey("slug"))
        name = try container.decodeIfPresent(String.self, forKey: JSONKey("name"))
        extra = try decodeExtra(container, known: ["slug", "name"])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        try encodeExtra(extra, into: &container)
        try container.encode(slug, forKey: JSONKey("slug"))
        try container.encodeIfPresent(name, forKey: JSONKey("name"))
    }
}

extension Snapshot.Library {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        categories = try container.decodeIfPresent([CStar.Category].self, forKey: JSONKey("categories")) ?? []
        articles = try container.decodeIfPresent([LibraryArticle].self, forKey: JSONKey("articles")) ?? []
        popular = try container.decodeIfPresent([String].self, forKey: JSONKey("popular")) ?? []
        stats = try container.decodeIfPresent(LibraryStats.self, forKey: JSONKey("stats"))
        extra = try decodeExtra(container, known: ["categories", "articles", "popular", "stats"])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        try encodeExtra(extra, into: &container)
        try container.encode(categories, forKey: JSONKey("categories"))
        try container.encode(articles, forKey: JSONKey("articles"))
        try container.encode(popular, forKey: JSONKey("popular"))
        try container.encodeIfPresent(stats, forKey: JSONKey("stats"))
    }
}

extension Snapshot.Community {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        topics = try container.decodeIfPresent([Topic].self, forKey: JSONKey("topics")) ?? []
        posts = try container.decodeIfPresent([Post].self, forKey: JSONKey("posts")) ?? []
        comments = try container.decodeIfPresent([String: [Comment]].self, forKey: JSONKey("comments")) ?? [:]
        extra = try decodeExtra(container, known: ["topics", "posts", "comments"])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        try encodeExtra(extra, into: &container)
        try container.encode(topics, forKey: JSONKey("topics"))
        try container.encode(posts, forKey: JSONKey("posts"))
        try container.encode(comments, forKey: JSONKey("comments"))
    }
}

private func decodeExtra(_ container: KeyedDecodingContainer<JSONKey>, known: [String]) throws -> JSONObject {
    var extra: JSONObject = [:]
    for key in container.allKeys where !known.contains(key.stringValue) {
        extra[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
    }
    return extra
}

private func encodeExtra(_ extra: JSONObject, into container: inout KeyedEncodingContainer<JSONKey>) throws {
    for (key, value) in extra { try container.encode(value, forKey: JSONKey(key)) }
}
