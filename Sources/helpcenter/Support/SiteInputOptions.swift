import ArgumentParser
import CStar
import CStarSnapshot
import Foundation
import HelpCenter

/// What a site is built from and how: shared by `build` and `serve`.
struct SiteInputOptions: ParsableArguments {
    @Option(help: "The snapshot file to build from.")
    var snapshot: String?

    @Option(help: "Fetch this team from the cStar API instead of reading a snapshot (default: $CSTAR_TEAM, unless --snapshot is given).")
    var team: String?

    @Option(help: "The API origin, with --team (default: $CSTAR_BASE_URL, else https://www.cstar.help).")
    var baseUrl: String?

    @Option(help: "The team's display name, the site's title (overrides the snapshot's; the API sends none; default: the snapshot's name, else the slug).")
    var teamName: String?

    @OptionGroup(title: "Fetching from the API (with --team)") var requests: APIRequestOptions

    @Option(help: "A folder of Mustache templates that replace the default ones of the same name.")
    var templates: String?

    @Option(name: .customLong("public"), help: "A folder of static files copied over the theme's.")
    var publicFolder: String?

    @Option(help: "The URL of the site's root, its path included, e.g. https://acme.github.io/help-center (enables canonical URLs and the sitemap; its path is the base path).")
    var siteUrl: String?

    @Option(help: "The path the site lives under on its host, e.g. /help/ (default: the path of --site-url, else /).")
    var basePath: String?

    @Option(help: "Show the \"Was this helpful?\" widget, posting to this cStar API origin.")
    var feedbackApi: String?

    @Flag(help: "Render raw HTML in articles (never in community posts and comments).")
    var allowHtml = false

    @Option(help: "The build cache folder, which lets a rebuild redo only what changed (default: .helpcenter-cache beside the output folder).")
    var cache: String?

    @Flag(help: "Build everything, without reading or writing the build cache.")
    var noCache = false

    @Option(help: "A JSON file of every slug the site's pages have had, read and updated by each build (created if missing); pages whose slug changed keep their old URLs as redirects. Commit it, or keep it between CI runs.")
    var slugHistory: String?

    func validate() throws {
        if snapshot != nil && team != nil { throw ValidationError("give either --snapshot or --team, not both.") }
        if noCache && cache != nil { throw ValidationError("give either --cache or --no-cache, not both.") }
        if let siteUrl { _ = try HTTPURLOption.parse(siteUrl, option: "--site-url") }
        if let feedbackApi { _ = try HTTPURLOption.parse(feedbackApi, option: "--feedback-api") }
        if apiTeam != nil { _ = try HTTPURLOption.parse(apiBaseURL, option: "--base-url") }
        if let basePath {
            guard !basePath.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" }), !basePath.contains("..") else {
                throw ValidationError("--base-path must be a plain URL path such as /help/, not '\(basePath)'.")
            }
        }
        if let conflict = SiteOptions.siteURLConflict(siteURL: siteUrl.flatMap(URL.init(string:)), basePath: basePath) {
            throw ValidationError("--site-url and --base-path disagree: \(conflict).")
        }
    }

    /// Fails when `--templates`, `--public` or `--cache` names a file, or the first two name nothing.
    func checkFolders() throws {
        for (option, path, mustExist) in [("--templates", templates, true), ("--public", publicFolder, true), ("--cache", noCache ? nil : cache, false)] {
            guard let path else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw CommandFailure("\(option): \(path) is a file, not a folder") }
            } else if mustExist {
                throw CommandFailure("\(option): \(path) does not exist")
            }
        }
    }

    func siteOptions(output: URL, force: Bool) -> SiteOptions {
        SiteOptions(
            output: output, templates: templates.map(URL.init(fileURLWithPath:)),
            publicFolder: publicFolder.map(URL.init(fileURLWithPath:)), siteURL: siteUrl.flatMap(URL.init(string:)),
            basePath: basePath, allowArticleHTML: allowHtml, force: force, feedbackAPI: feedbackApi.flatMap(URL.init(string:)),
            cacheFolder: noCache ? nil : cache.map(URL.init(fileURLWithPath:)) ?? SiteOptions.defaultCacheFolder(for: output),
            slugHistory: slugHistory.map(URL.init(fileURLWithPath:)), teamName: teamName)
    }

    /// The team to fetch: `--team`, else `CSTAR_TEAM` when no snapshot is given.
    var apiTeam: String? { team ?? (snapshot == nil ? CStarEnvironment.team : nil) }

    var apiBaseURL: String { baseUrl ?? CStarEnvironment.baseURL }

    /// Fetches the team through the SDK (with --team or `CSTAR_TEAM`).
    func fetchTeam() async throws -> Snapshot? {
        guard let team = apiTeam else { return nil }
        let url = try HTTPURLOption.parse(apiBaseURL, option: "--base-url")
        return try await requests.fetcher(team: team, baseURL: url).fetch()
    }
}
