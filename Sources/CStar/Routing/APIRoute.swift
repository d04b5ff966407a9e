import Foundation

/// Every route of the cStar public API that the SDK calls and the emulator serves.
///
/// This table, with ``APIParameter`` and ``APILimits``, is the single place that names paths and
/// parameters (`shared/cstar-public-api.md` §3, §4, §7): correcting an inferred route is a one-line change.
public enum APIRoute: String, Sendable, CaseIterable {
    case libraryCategories, libraryArticles, libraryArticle, librarySearch, libraryPopular, libraryStats
    case libraryRecordView, libraryFeedback
    case communityTopics, communityPosts, communityPost, communitySearch

    /// The HTTP method and the path template, with `{team}` and `{slug}` placeholders.
    public var definition: (method: String, path: String) {
        switch self {
        case .libraryCategories: ("GET", "/api/library/{team}/categories")
        case .libraryArticles: ("GET", "/api/library/{team}/articles")
        case .libraryArticle: ("GET", "/api/library/{team}/articles/{slug}")
        case .librarySearch: ("GET", "/api/library/{team}/search")
        case .libraryPopular: ("GET", "/api/library/{team}/popular")
        case .libraryStats: ("GET", "/api/library/{team}/stats")
        case .libraryRecordView: ("POST", "/api/library/{team}/articles/{slug}/view")
        case .libraryFeedback: ("POST", "/api/library/{team}/articles/{slug}/feedback")
        case .communityTopics: ("GET", "/api/community/{team}/topics")
        case .communityPosts: ("GET", "/api/community/{team}/posts")
        case .communityPost: ("GET", "/api/community/{team}/posts/{slug}")
        case .communitySearch: ("GET", "/api/community/{team}/search")
        }
    }

    /// Other paths the emulator also serves for this route (plausible alternative layouts).
    public var alternativePaths: [String] {
        switch self {
        case .libraryPopular: ["/api/library/{team}/articles/popular"]
        default: []
        }
    }

    public var method: String { definition.method }
    public var pathTemplate: String { definition.path }

    /// The path with `team` and `slug` filled in, each percent-encoded as one path segment.
    public func path(team: String, slug: String? = nil) -> String {
        var path = pathTemplate.replacingOccurrences(of: "{team}", with: Self.encodeSegment(team))
        if let slug { path = path.replacingOccurrences(of: "{slug}", with: Self.encodeSegment(slug)) }
        return path
    }

    static func encodeSegment(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .unreservedURLCharacters) ?? segment
    }
}

/// Query-parameter and body-field names on the wire. The first name is what the SDK sends; the
/// emulator also accepts the others.
public enum APIParameter {
    public static let query = ["q"]
    public static let limit = ["limit"]
    public static let offset = ["offset"]
    public static let category = ["category", "categorySlug"]
    public static let topic = ["topic", "topicSlug"]
    public static let sort = ["sort"]
    public static let status = ["status"]
    /// Feedback body: the rating (`"helpful"` / `"not_helpful"`), and the optional text.
    public static let feedbackRating = ["rating", "isHelpful", "helpful"]
    public static let feedbackText = ["feedbackText", "feedback", "comment"]
    public static let ratingHelpful = "helpful"
    public static let ratingNotHelpful = "not_helpful"
}

/// Header names on the wire.
public enum APIHeader {
    /// The API version a client asks for (the contract's current one is `2026-03-01`; the latest when absent).
    public static let version = "CStar-Version"
    /// Seconds (or an HTTP date) to wait before trying again, on a 429 or 503.
    public static let retryAfter = "Retry-After"
    public static let requestID = "X-Request-Id"
}

/// Page sizes: the default when `limit` is absent and the largest the server accepts.
public enum APILimits {
    public static let articles = (default: 20, max: 100)
    public static let posts = (default: 20, max: 100)
    public static let librarySearch = (default: 10, max: 50)
    public static let communitySearch = (default: 20, max: 50)
    public static let popular = (default: 5, max: 50)
}

extension CharacterSet {
    /// RFC 3986 unreserved characters: letters, digits, `-`, `.`, `_`, `~`.
    static let unreservedURLCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
