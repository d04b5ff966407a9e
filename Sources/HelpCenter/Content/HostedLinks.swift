import Foundation

/// Rewrites links to the team's hosted help center (`https://www.cstar.help/library/{team}/articles/{slug}`,
/// the same path relative to the site, or relative to an article's hosted URL) and root-relative or
/// relative links between the site's pages to the generated pages.
struct HostedLinks: Sendable {
    static let hosts: Set<String> = ["www.cstar.help", "cstar.help", "app.cstar.help"]

    let team: String
    let hosts: Set<String>
    let articleSlugs: [String: String]
    let categorySlugs: [String: String]
    let origin: URL
    /// The team's slug, percent-encoded for a URL path.
    let encodedTeam: String

    init(content: SiteContent) {
        team = content.team
        var hosts = Self.hosts
        let baseURL = content.baseURL.flatMap(URL.init(string:))
        if let host = baseURL?.host?.lowercased() { hosts.insert(host) }
        self.hosts = hosts
        articleSlugs = content.articleSlugs
        categorySlugs = content.categorySlugs
        origin = URL(string: "https://www.cstar.help")!
        encodedTeam = team.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? team
    }

    /// Where a link into the team's hosted library (or to one of the site's pages) leads on the generated site.
    enum Target: Equatable {
        /// A site path with its fragment, e.g. `articles/x/#setup`.
        case site(String)
        /// The hosted library itself, for a page the site does not have.
        case hosted(String)
        /// An article or category the site does not have (`article 'x'`), linked to on the hosted library.
        case missing(String, hosted: String)
    }

    /// The sections of the site a root-relative link (`/articles/x`) may lead into.
    static let siteSections: Set<String> = ["articles", "categories", "community", "search"]

    /// Where `link` leads from the page at site path `page` (`articles/<slug>/`), whose hosted
    /// counterpart is article `current` (or the hosted library's home); `nil` to keep the link.
    ///
    /// A relative link is read twice, on the hosted page (`…/library/<team>/articles/<current>`, where
    /// `x` is a sibling article) and on the generated page (`articles/<slug>/`, where `../x/` is);
    /// the first reading that names an article or category the site has wins. A root-relative link
    /// into one of the site's sections is a site path. A link naming an article or category the site
    /// does not have is ``Target/missing(_:hosted:)``.
    func resolve(_ link: String, fromArticle current: String?, page: String) -> Target? {
        guard !link.isEmpty, !link.hasPrefix("#") else { return nil }
        let scheme = URLScheme.of(link)?.lowercased()
        if let scheme, scheme != "http", scheme != "https" { return nil }
        let base = current.map { origin.appendingPathComponent("library/\(encodedTeam)/articles/\($0)") }
            ?? origin.appendingPathComponent("library/\(encodedTeam)/")
        guard let url = URL(string: link, relativeTo: base)?.absoluteURL else { return nil }
        let fragment = url.fragment.map { "#\($0)" } ?? ""
        let parts = url.path.split(separator: "/").map(String.init)
        let onHostedLibrary = url.host.map { hosts.contains($0.lowercased()) } == true
            && parts.count >= 2 && parts[0] == "library" && parts[1] == team
        let hostedReading = onHostedLibrary ? lookup(parts.dropFirst(2), fragment: fragment) : nil
        let hostedPage = Target.hosted(url.absoluteString)
        // An absolute URL, or a root-relative link into the hosted library (`/library/<team>/…`).
        if onHostedLibrary, scheme != nil || link.hasPrefix("/") { return hostedReading ?? hostedPage }
        // A link read on the generated site: root-relative, or relative to the page.
        guard scheme == nil, !link.hasPrefix("//"), let onSite = URL(string: link, relativeTo: URL(string: "https://site.invalid/" + page))
        else { return nil }
        let siteParts = onSite.absoluteURL.path.split(separator: "/").map(String.init)
        if link.hasPrefix("/") {
            guard siteParts.isEmpty || Self.siteSections.contains(siteParts[0]) else { return nil }
            return lookup(siteParts[...], fragment: fragment) ?? .site(String(link.dropFirst()))
        }
        let readings = [hostedReading, lookup(siteParts[...], fragment: fragment)]
        if let found = readings.first(where: { if case .site? = $0 { true } else { false } }) { return found }
        if let missing = readings.first(where: { if case .missing? = $0 { true } else { false } }) { return missing }
        return onHostedLibrary ? hostedPage : nil
    }

    /// The home page, article or category a path below the library's (or the site's) root names.
    private func lookup(_ parts: ArraySlice<String>, fragment: String) -> Target? {
        guard !parts.isEmpty else { return .site(SitePaths.home + fragment) }
        guard parts.count == 2 else { return nil }
        let (section, slug) = (parts[parts.startIndex], parts[parts.startIndex + 1])
        let known: String?
        switch section {
        case "articles": known = articleSlugs[slug].map(SitePaths.article)
        case "categories": known = categorySlugs[slug].map(SitePaths.category)
        default: return nil
        }
        if let known { return .site(known + fragment) }
        let encodedSlug = slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? slug
        let hosted = origin.absoluteString + "/library/\(encodedTeam)/\(section)/\(encodedSlug)" + fragment
        return .missing("\(section == "articles" ? "article" : "category") '\(slug)'", hosted: hosted)
    }
}
