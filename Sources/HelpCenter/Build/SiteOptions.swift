import Foundation

/// How a site is built.
public struct SiteOptions: Sendable {
    /// The folder the site is written to (replaced atomically).
    public var output: URL
    /// A folder of `.mustache` templates that replace the default theme's templates of the same name.
    public var templates: URL?
    /// A folder of static files copied over the theme's `public/` files.
    public var publicFolder: URL?
    /// The URL of the site's root, its path included, e.g. `https://acme.github.io/help-center`;
    /// enables canonical URLs, OpenGraph URLs and the sitemap. Its path is the site's ``basePath``.
    public var siteURL: URL?
    /// The path the site lives under on its host, always with slashes around it, e.g. `/help/`: the
    /// one set, else the path of ``siteURL``, else `/`. A site URL without a path (`https://example.com`)
    /// and a base path make the site root `https://example.com/help/`; one with a different path is
    /// an error (``siteURLConflict``).
    public var basePath: String {
        get { storedBasePath ?? siteURL.map(Self.path(of:)) ?? "/" }
        set { storedBasePath = Self.normalizedBasePath(newValue) }
    }
    private var storedBasePath: String?
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
        output: URL, templates: URL? = nil, publicFolder: URL? = nil, siteURL: URL? = nil, basePath: String? = nil,
        allowArticleHTML: Bool = false, force: Bool = false, feedbackAPI: URL? = nil, postsPerPage: Int = 20,
        language: String = "en", cacheFolder: URL? = nil, strict: Bool = false, slugHistory: URL? = nil,
        teamName: String? = nil
    ) {
        self.output = output
        self.templates = templates
        self.publicFolder = publicFolder
        self.siteURL = siteURL
        storedBasePath = basePath.map(Self.normalizedBasePath)
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

    /// The normalized path of a site URL: `/help-center/` for `https://acme.github.io/help-center`.
    static func path(of siteURL: URL) -> String {
        normalizedBasePath(URLComponents(url: siteURL, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? "")
    }

    /// Why ``siteURL`` and a base path that was set cannot both hold, naming both; `nil` when they
    /// agree (or the site URL has no path, so the base path completes it).
    public static func siteURLConflict(siteURL: URL?, basePath: String?) -> String? {
        guard let siteURL, let basePath else { return nil }
        let urlPath = path(of: siteURL)
        let given = normalizedBasePath(basePath)
        guard urlPath != "/", urlPath != given else { return nil }
        return "the site URL \(siteURL.absoluteString) has the path \(urlPath), but the base path is \(given): "
            + "give the site's root URL alone (its path is the base path), or a base path equal to its path"
    }

    /// Why ``siteURL`` and ``basePath`` disagree, when they do (see ``siteURLConflict(siteURL:basePath:)``).
    public var siteURLConflict: String? { Self.siteURLConflict(siteURL: siteURL, basePath: storedBasePath) }

    /// Whether the site gets an Atom feed (`feed.xml`): Atom needs absolute links, so only a site whose
    /// ``siteURL`` is known has one, and only then do pages link to it.
    var hasFeed: Bool { siteURL != nil }

    /// The absolute URL of a site path, when ``siteURL`` is set: the site URL's origin, the base path,
    /// then the path (the site URL's own path is the base path, never added twice).
    func absoluteURL(_ path: String) -> String? {
        guard let siteURL, var components = URLComponents(url: siteURL, resolvingAgainstBaseURL: false) else { return nil }
        components.percentEncodedPath = ""
        components.query = nil
        components.fragment = nil
        return (components.string ?? siteURL.absoluteString) + basePath + path
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
