import Foundation

/// The site's URL scheme, in one place: every page's path relative to the site root.
public enum SitePaths {
    public static let home = ""
    public static let search = "search/"
    public static let community = "community/"
    public static let notFound = "404.html"
    public static let sitemap = "sitemap.xml"
    public static let feed = "feed.xml"
    public static let robots = "robots.txt"
    public static let assets = "assets/"

    public static func category(_ slug: String) -> String { "categories/\(slug)/" }
    public static func article(_ slug: String) -> String { "articles/\(slug)/" }
    public static func topic(_ slug: String, byVotes: Bool = false, page: Int = 1) -> String {
        "community/topics/\(slug)/" + (byVotes ? "top/" : "") + (page > 1 ? "page/\(page)/" : "")
    }
    public static func post(_ slug: String) -> String { "community/posts/\(slug)/" }

    /// The file that serves `path`: `index.html` inside a folder path.
    public static func file(for path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// The prefix that leads from the page at `path` back to the site root, e.g. `../../`.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: max(0, path.split(separator: "/").count - (path.hasSuffix("/") ? 0 : 1)))
    }
}
