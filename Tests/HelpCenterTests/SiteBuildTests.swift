import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import HelpCenterResources
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SiteBuildTests {
    @Test func buildsEveryPageOfTheDemo() async throws {
        let (site, report) = try await SiteFixtures.build()
        let demo = try DemoHelpCenter.snapshot()
        #expect(report.pages["article"] == demo.library.articles.count)
        #expect(report.pages["category"] == demo.library.categories.count)
        #expect(report.pages["post"] == demo.community?.posts.count)
        #expect(report.pages["home"] == 1 && report.pages["search"] == 1 && report.pages["404"] == 1)
        for path in [
            "index.html", "404.html", "search/index.html", "community/index.html", "robots.txt",
            "assets/site.css", "assets/site.js", "articles/offline-mode/index.html", "categories/getting-started/index.html",
            ".helpcenter-site",
        ] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path)")
        }
        // No sitemap and no feed without the site's URL: they need absolute URLs. The missing feed is said.
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("sitemap.xml").path))
        #expect(report.warnings.map(\.kind) == [.feedSkipped], "\(report.warnings)")
    }

    @Test func everyInternalLinkAndAnchorResolves() async throws {
        let (site, _) = try await SiteFixtures.build()
        let broken = try LinkChecker(root: site).check()
        #expect(broken.isEmpty, "\(broken.prefix(10).map(\.description).joined(separator: "\n"))")
    }

    @Test func linksToTheHostedLibraryBecomeSiteLinks() async throws {
        let (site, _) = try await SiteFixtures.build()
        let demo = try DemoHelpCenter.snapshot()
        var checked = 0
        for article in demo.library.articles where (article.content ?? "").contains("/library/quillpad/articles/") {
            let html = try SiteFixtures.html(site, "articles/\(article.slug)/index.html")
            #expect(!html.contains("cstar.help/library/quillpad"), "\(article.slug)")
            #expect(!html.contains("href=\"/library/quillpad"), "\(article.slug)")
            #expect(html.contains("href=\"../../articles/"), "\(article.slug)")
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func buildsAreByteIdentical() async throws {
        let first = try await SiteFixtures.build()
        let second = try await SiteFixtures.build()
        let a = try SiteFixtures.files(in: first.site)
        let b = try SiteFixtures.files(in: second.site)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
        #expect(a.count > 100)
    }

    @Test func articlePageHasWhatReadersNeed() async throws {
        let (site, _) = try await SiteFixtures.build()
        let html = try SiteFixtures.html(site, "articles/offline-mode/index.html")
        // Breadcrumbs, table of contents with unique ids, updated date, reading time.
        #expect(html.contains(#"<nav class="breadcrumbs" aria-label="Breadcrumb">"#))
        #expect(html.contains(##"<a href="#troubleshooting">Troubleshooting</a>"##))
        #expect(html.contains(##"<a href="#troubleshooting-1">Troubleshooting</a>"##))
        #expect(html.contains(#"<h3 id="troubleshooting-1">"#))
        #expect(html.contains(#"<time datetime="2026-10-09T08:55:00Z">9 October 2026</time>"#))
        #expect(html.contains("min read"))
        #expect(html.contains(#"rel="next""#) || html.contains(#"rel="prev""#))
        #expect(html.contains("Related articles"))
        #expect(html.contains(#""@type":"Article""#) && html.contains(#""@type":"BreadcrumbList""#))
        // The feedback widget only with --feedback-api.
        #expect(!html.contains("class=\"feedback\""))
    }

    @Test func postPageMarksTheOfficialAnswer() async throws {
        let (site, _) = try await SiteFixtures.build()
        let demo = try DemoHelpCenter.snapshot()
        let community = try #require(demo.community)
        let answered = try #require(community.posts.first { $0.status == .officiallyAnswered })
        let html = try SiteFixtures.html(site, "community/posts/\(answered.slug)/index.html")
        #expect(html.contains("official-answer"))
        #expect(html.contains("Go to the official answer"))
        #expect(html.contains(#""@type":"QAPage""#) && html.contains(#""acceptedAnswer""#))
        let open = try #require(community.posts.first { $0.status == .open })
        let other = try SiteFixtures.html(site, "community/posts/\(open.slug)/index.html")
        #expect(other.contains(#""@type":"DiscussionForumPosting""#))
    }

    @Test func topicsAreSortableAndPaginated() async throws {
        let (site, _) = try await SiteFixtures.build { $0.postsPerPage = 4 }
        let demo = try DemoHelpCenter.snapshot()
        let community = try #require(demo.community)
        let topic = try #require(community.topics.max { $0.postCount ?? 0 < $1.postCount ?? 0 })
        let count = community.posts.filter { $0.topicID == topic.id }.count
        let pages = (count + 3) / 4
        #expect(pages >= 2)
        for page in 1...pages {
            let suffix = page == 1 ? "" : "page/\(page)/"
            for sort in ["", "top/"] {
                let path = "community/topics/\(topic.slug)/\(sort)\(suffix)index.html"
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path)")
            }
        }
        let top = try SiteFixtures.html(site, "community/topics/\(topic.slug)/top/index.html")
        let votes = top.matches(of: /<p class="votes"><strong>(\d+) votes?<\/strong>/).map { Int($0.output.1)! }
        #expect(votes.count == 4)
        let pinned = community.posts.filter { $0.topicID == topic.id && $0.isPinned }.count
        #expect(Array(votes.dropFirst(pinned)) == votes.dropFirst(pinned).sorted(by: >))
    }

    @Test func siteURLAndBasePathGiveCanonicalURLsAndASitemap() async throws {
        let (site, _) = try await SiteFixtures.build {
            $0.siteURL = URL(string: "https://help.example.com")
            $0.basePath = "docs"
        }
        let article = try SiteFixtures.html(site, "articles/offline-mode/index.html")
        #expect(article.contains(#"<link rel="canonical" href="https://help.example.com/docs/articles/offline-mode/">"#))
        #expect(article.contains(#"<meta property="og:url" content="https://help.example.com/docs/articles/offline-mode/">"#))
        let sitemap = try SiteFixtures.html(site, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://help.example.com/docs/articles/offline-mode/</loc><lastmod>2026-10-09T08:55:00Z</lastmod>"))
        #expect(!sitemap.contains("404"))
        #expect(try SiteFixtures.html(site, "robots.txt").contains("Sitemap: https://help.example.com/docs/sitemap.xml"))
        // The 404 page is served at any depth, so its links start at the base path.
        let notFound = try SiteFixtures.html(site, "404.html")
        #expect(notFound.contains(#"href="/docs/assets/site.css""#))
        #expect(notFound.contains(#"action="/docs/search/""#))
        #expect(!notFound.contains("href=\"../"))
    }

    @Test func withoutTheSiteURLThereIsNoFeedAndNoLinkToIt() async throws {
        let (site, report) = try await SiteFixtures.build { $0.strict = true }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("feed.xml").path))
        #expect(report.warnings.map(\.message) == ["feed.xml not written: an Atom feed needs absolute links; pass --site-url to have one"])
        #expect(!report.hasContentProblems)
        for (path, data) in try SiteFixtures.files(in: site) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("feed.xml") && !html.contains(#"href="""#), "\(path)")
        }
    }

    @Test func atomFeedListsRecentlyUpdatedArticles() async throws {
        let (site, _) = try await SiteFixtures.build { $0.siteURL = URL(string: "https://help.example.com") }
        let feed = try SiteFixtures.html(site, "feed.xml")
        let hrefs = feed.matches(of: /href="([^"]*)"/).map { String($0.1) }
        #expect(hrefs.count == 21 && hrefs.first == "https://help.example.com/")
        #expect(hrefs.allSatisfy { $0.hasPrefix("https://help.example.com/") }, "\(hrefs.filter { !$0.hasPrefix("https://") })")
        #expect(try SiteFixtures.html(site, "index.html").contains(#"type="application/atom+xml" title="Quillpad: recently updated articles" href="feed.xml">"#))
        let parsed = try XMLDocument(data: Data(feed.utf8))
        let entries = try parsed.nodes(forXPath: "//*[local-name()='entry']")
        #expect(entries.count == 20)
        let updated = try parsed.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='updated']").compactMap(\.stringValue)
        #expect(updated == updated.sorted(by: >))
    }

    @Test func feedbackWidgetPostsToTheTeamsEndpoint() async throws {
        let (site, _) = try await SiteFixtures.build { $0.feedbackAPI = URL(string: "https://www.cstar.help/") }
        let html = try SiteFixtures.html(site, "articles/offline-mode/index.html")
        #expect(html.contains(#"data-endpoint="https://www.cstar.help/api/library/quillpad/articles/offline-mode/feedback""#))
    }
}
