import Foundation

/// Rewrites links to the team's hosted help center (`https://www.cstar.help/library/{team}/articles/{slug}`,
/// the same path relative to the site, or relative to an article's hosted URL) to the generated pages.
struct HostedLinks: Sendable {
    static let hosts: Set<String> = ["www.cstar.help", "cstar.help", "app.cstar.help"]

    let team: String
    let hosts: Set<String>
    let articleSlugs: [String: String]
    let categorySlugs: [String: String]
    let origin: URL

    init(content: SiteContent) {
        team = content.snapshot.team.slug
        var hosts = Self.hosts
        let baseURL = content.snapshot.baseURL.flatMap(URL.init(string:))
        if let host = baseURL?.host?.lowercased() { hosts.insert(host) }
        self.hosts = hosts
        articleSlugs = content.articleSlugs
        categorySlugs = content.categorySlugs
        origin = URL(string: "https://www.cstar.help")!
    }

    /// Where a link into the team's hosted library leads on the generated site.
    enum Target: Equatable {
        /// A site path with its fragment, e.g. `articles/x/#setup`.
        case site(String)
        /// The hosted library itself, for a page the site does not have.
        case hosted(String)
    }

    /// Where `link` leads, seen from the hosted page of article `current` (or the hosted library's
    /// home); `nil` when it is not a link into this team's hosted library.
    func resolve(_ link: String, fromArticle current: String?) -> Target? {
        guard !link.isEmpty, !link.hasPrefix("#") else { return nil }
        if let scheme = URLScheme.of(link)?.lowercased(), scheme != "http", scheme != "https" { return nil }
        let encodedTeam = team.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? team
        let base = current.map { origin.appendingPathComponent("library/\(encodedTeam)/articles/\($0)") }
            ?? origin.appendingPathComponent("library/\(encodedTeam)/")
        guard let url = URL(string: link, relativeTo: base)?.absoluteURL,
            let host = url.host?.lowercased(), hosts.contains(host)
        else { return nil }
        let parts = url.path.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0] == "library", parts[1] == team else { return nil }
        let fragment = url.fragment.map { "#\($0)" } ?? ""
        let page: String? =
            switch parts.count {
            case 2: SitePaths.home
            case 4 where parts[2] == "articles": articleSlugs[parts[3]].map(SitePaths.article)
            case 4 where parts[2] == "categories": categorySlugs[parts[3]].map(SitePaths.category)
            default: nil
            }
        return page.map { .site($0 + fragment) } ?? .hosted(url.absoluteString)
    }
}
