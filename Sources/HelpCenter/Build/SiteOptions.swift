import Foundation

/// How a site is built.
public struct SiteOptions: Sendable {
    /// The folder the site is written to (replaced atomically).
    public var output: URL
    /// A folder of `.mustache` templates that replace the default theme's templates of the same name.
    public var templates: URL?
    /// A folder of static files copied over the theme's `public/` files.
    public var publicFolder: URL?
    /// The absolute URL the site is served from, e.g. `https://help.example.com`; enables canonical
    /// URLs, OpenGraph URLs and the sitemap.
    public var siteURL: URL?
    /// The path the site lives under on its host, always with slashes around it, e.g. `/help/`.
    public var basePath: String {
        get { storedBasePath }
        set { storedBasePath = Self.normalizedBasePath(newValue) }
    }
    private var storedBasePath = "/"
    /// Render raw HTML in articles (written by the team's staff). Never in community content.
    public var allowArticleHTML: Bool
    /// Replace a non-empty output folder that helpcenter did not create.
    public var force: Bool
    /// The API origin the "Was this helpful?" widget posts to from the browser; `nil` hides the widget.
    public var feedbackAPI: URL?
    /// Posts per page on a topic page.
    public var postsPerPage: Int
    /// The site's language, for `<html lang>`.
    public var language: String
    /// A folder for the build cache, which lets the next build of the same output redo only what
    /// changed; `nil` builds everything every time. Never inside ``output``.
    public var cacheFolder: URL?
    /// Fail the build, leaving the previous site in place, when it finds a content problem: a broken
    /// link or anchor, a duplicate or unusable slug, an article in an unknown category, … Without it
    /// they are warnings in the report.
    public var strict: Bool
    /// The team's display name, for the site's title; overrides the snapshot's `team.name` (without
    /// either, the site is titled after the team's slug, with a warning).
    public var teamName: String?
    /// A file recording every slug each page has had (see ``SlugHistory``); read before the build and
    /// updated after it. A page whose slug changed keeps its old URL as a redirect.
    public var slugHistory: URL?

    public init(
        output: URL, templates: URL? = nil, publicFolder: URL? = nil, siteURL: URL? = nil, basePath: String = "/",
        allowArticleHTML: Bool = false, force: Bool = false, feedbackAPI: URL? = nil, postsPerPage: Int = 20,
        language: String = "en", cacheFolder: URL? = nil, strict: Bool = false, slugHistory: URL? = nil,
        teamName: String? = nil
    ) {
        self.output = output
        self.templates = templates
        self.publicFolder = publicFolder
        self.siteURL = siteURL
        storedBasePath = Self.normalizedBasePath(basePath)
        self.allowArticleHTML = allowArticleHTML
        self.force = force
        self.feedbackAPI = feedbackAPI
        self.postsPerPage = max(1, postsPerPage)
        self.language = language
        self.cacheFolder = cacheFolder
        self.strict = strict
        self.slugHistory = slugHistory
        self.teamName = teamName
    }

    /// The cache folder the command line uses by default: `.helpcenter-cache` beside the output folder.
    public static func defaultCacheFolder(for output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".helpcenter-cache")
    }

    /// `help`, `/help`, `/help/` all become `/help/`; empty becomes `/`.
    public static func normalizedBasePath(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { !$0.isEmpty }
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    /// The absolute URL of a site path, when ``siteURL`` is set.
    func absoluteURL(_ path: String) -> String? {
        guard let siteURL else { return nil }
        var origin = siteURL.absoluteString
        while origin.hasSuffix("/") { origin.removeLast() }
        return origin + basePath + path
    }

    /// The Content Security Policy every page declares in a `<meta>` element: scripts, styles, fonts and
    /// connections only from the site itself (and the feedback API), no plugins, frames or foreign forms;
    /// images and media from the site or any HTTPS origin. With ``allowArticleHTML``, inline styles and
    /// HTTPS frames (embedded videos) are allowed too. Script injection that got past the renderer
    /// still cannot run.
    public var contentSecurityPolicy: String {
        var connect = "'self'"
        if let feedbackAPI, let scheme = feedbackAPI.scheme, let host = feedbackAPI.host {
            connect += " \(scheme)://\(host)" + (feedbackAPI.port.map { ":\($0)" } ?? "")
        }
        return [
            "default-src 'self'",
            "script-src 'self'",
            allowArticleHTML ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
            "img-src 'self' https: data:",
            "media-src 'self' https:",
            "font-src 'self'",
            "connect-src \(connect)",
            allowArticleHTML ? "frame-src https:" : "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ].joined(separator: "; ")
    }
}
