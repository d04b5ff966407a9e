import Foundation
import HelpCenter
import HelpCenterResources
import Testing

/// What the demo's list pages show: each thing once, and the same popular articles wherever they appear.
@Suite struct PageListsTests {
    /// The article paths (from the site root) and titles of `html`'s links inside the first `<tag …marker…>…</tag>`.
    static func links(in html: String, after marker: String, until end: String, depth: Int) throws -> [String] {
        let start = try #require(html.range(of: marker))
        let stop = try #require(html.range(of: end, range: start.upperBound..<html.endIndex))
        let prefix = String(repeating: "../", count: depth)
        return html[start.upperBound..<stop.lowerBound].matches(of: /<a href="([^"]*)">([^<]*)<\/a>/).map { match in
            let href = String(match.1)
            return (href.hasPrefix(prefix) ? String(href.dropFirst(prefix.count)) : "?" + href) + " " + match.2
        }
    }

    @Test func theSearchPageOffersTheHomePagesPopularArticles() async throws {
        let (site, _) = try await SiteFixtures.build()
        let home = try Self.links(
            in: SiteFixtures.html(site, "index.html"), after: #"<h2 id="popular-heading">"#, until: "</ol>", depth: 0)
        let search = try Self.links(
            in: SiteFixtures.html(site, "search/index.html"), after: #"<template id="search-popular">"#, until: "</template>", depth: 1)
        #expect(home.count == min(8, try DemoHelpCenter.snapshot().library.popular.count))
        #expect(search == home)
    }

    @Test func aTopicPageDoesNotNameItsTopicOnEveryPost() async throws {
        let (site, _) = try await SiteFixtures.build()
        let html = try SiteFixtures.html(site, "community/topics/feature-requests/index.html")
        let metas = html.matches(of: /<li class="post-summary">[\s\S]*?<p class="meta">([\s\S]*?)<\/p>/).map { String($0.1) }
        #expect(metas.count > 3)
        #expect(metas.allSatisfy { !$0.contains("Feature requests") }, "\(metas)")
        // The community home lists posts of every topic, so there each post names its own.
        let community = try SiteFixtures.html(site, "community/index.html")
        #expect(community.contains(" · Feature requests</p>"))
    }

    @Test func theNotFoundPageHasOneSearchBox() async throws {
        let (site, _) = try await SiteFixtures.build()
        let html = try SiteFixtures.html(site, "404.html")
        #expect(html.matches(of: /<form [^>]*role="search"/).count == 1)
        #expect(html.matches(of: /<input [^>]*type="search"/).count == 1)
    }
}
