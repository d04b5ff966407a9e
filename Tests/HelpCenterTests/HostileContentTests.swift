import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import SyntheticCorpus
import Testing

/// Community content is written by the public: nothing in it may run script on a generated page.
@Suite struct HostileContentTests {
    static let text = HostileCorpus.scriptVectors.joined(separator: "\n\n")

    /// Every tag of every page, as written.
    func tags(in site: URL) throws -> [(page: String, tag: String)] {
        try SiteFixtures.files(in: site).filter { $0.key.hasSuffix(".html") }.flatMap { page, data in
            String(decoding: data, as: UTF8.self).matches(of: /<[a-zA-Z][^>]*>/).map { (page, String($0.output)) }
        }
    }

    /// The attribute names of a start tag, read as a browser would: values are skipped whole.
    static func attributeNames(_ tag: String) -> [String] {
        let body = tag.dropFirst().drop { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        return body.matches(of: /\s*([^\s"'=<>\/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/).map { String($0.output.1) }
    }

    @Test func attributeNamesAreReadLikeABrowser() {
        #expect(Self.attributeNames("<img src=x onerror=alert(1)>") == ["src", "onerror"])
        #expect(Self.attributeNames(#"<meta content="a onerror=b" name='x y'>"#) == ["content", "name"])
        #expect(Self.attributeNames("<input disabled checked=\"\" />") == ["disabled", "checked"])
    }

    @Test func noScriptRunsFromContentInAnyField() async throws {
        let (site, _) = try await SiteFixtures.build(SiteFixtures.hostileSnapshot(Self.text))
        let all = try tags(in: site)
        #expect(all.count > 100)
        for (page, tag) in all {
            let lower = tag.lowercased()
            if lower.hasPrefix("<script") {
                #expect(
                    lower == #"<script type="application/ld+json">"# || lower.hasSuffix(#"assets/site.js" defer>"#)
                        || lower.hasSuffix(#"assets/search.js" defer>"#), "\(page): \(tag)")
            }
            #expect(
                !["<iframe", "<svg", "<math", "<style", "<details", "<object", "<embed", "<base", "<video", "<link rel=stylesheet"]
                    .contains { lower.hasPrefix($0) }, "\(page): \(tag)")
            #expect(!Self.attributeNames(tag).contains { $0.lowercased().hasPrefix("on") }, "event handler in \(page): \(tag)")
            #expect(!tag.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "control character in \(page): \(tag)")
            for value in tag.matches(of: /(?:href|src|action)="([^"]*)"/).map({ String($0.output.1).lowercased() }) {
                let decoded = value.replacingOccurrences(of: "&#106;", with: "j")
                #expect(!decoded.hasPrefix("javascript:") && !decoded.hasPrefix("vbscript:") && !decoded.hasPrefix("data:text"), "\(page): \(tag)")
            }
        }
    }

    @Test func structuredDataCannotCloseItsScriptElement() async throws {
        let (site, _) = try await SiteFixtures.build(SiteFixtures.hostileSnapshot(Self.text))
        for path in ["articles/hostile/index.html", "community/posts/hostile/index.html"] {
            let html = try SiteFixtures.html(site, path)
            let blocks = html.matches(of: /<script type="application\/ld\+json">(.*?)<\/script>/.dotMatchesNewlines())
            #expect(blocks.count == 2, "\(path)")
            for block in blocks {
                #expect(!block.output.1.contains("<"))
                let json = try JSONSerialization.jsonObject(with: Data(block.output.1.utf8)) as? [String: Any]
                #expect(json?["@context"] as? String == "https://schema.org")
            }
            #expect(html.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)"#))
        }
    }

    @Test func hostileTextIsShownAsText() async throws {
        let (site, _) = try await SiteFixtures.build(SiteFixtures.hostileSnapshot("Fish & <Chips> \"quoted\""))
        let post = try SiteFixtures.html(site, "community/posts/hostile/index.html")
        #expect(post.contains("<h1 id=\"post-title\">Fish &amp; &lt;Chips&gt; &quot;quoted&quot;</h1>"))
        #expect(post.contains("<strong>Fish &amp; &lt;Chips&gt; &quot;quoted&quot;</strong>"))
    }

    @Test func hostileSlugsNeverLeaveTheOutputFolder() async throws {
        let slugs = [
            "../../../../tmp/escaped", "a/b/c", "..", ".", "x\u{0}y", "\u{7}bell", String(repeating: "long", count: 200),
            "%2e%2e%2fescaped", "Good Slug", "good-slug", "🎉", "", "CON", "con", "a\\b",
        ]
        var snapshot = SiteFixtures.hostileSnapshot("Title")
        snapshot.library.articles = slugs.enumerated().map { index, slug in
            LibraryArticle(id: "a\(index)", slug: slug, title: "Article \(index)", content: "Body", categorySlug: "c-hostile")
        }
        snapshot.community?.posts = slugs.enumerated().map { index, slug in
            Post(id: "p\(index)", slug: slug, title: "Post \(index)", body: "Body", topicID: "t1")
        }
        let (site, report) = try await SiteFixtures.build(snapshot)
        let parent = site.deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
        let articleFolders = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("articles").path)
        // "..", ".", "" and "🎉" have nothing usable; the others are made safe and unique.
        #expect(articleFolders.count == slugs.count - 4)
        #expect(articleFolders.contains("con-2") && articleFolders.contains("good-slug-2") && articleFolders.contains("x-y"))
        for folder in articleFolders {
            #expect(folder.utf8.count <= SlugPolicy.maxBytes)
            #expect(folder.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }, "\(folder)")
        }
        #expect(Set(articleFolders).count == articleFolders.count)
        #expect(report.warnings.contains { $0.kind == .unusableSlug })
        #expect(report.warnings.contains { $0.kind == .duplicateSlug && $0.message.contains("'con'") })
        #expect(report.warnings.contains { $0.kind == .unsafeSlug && $0.message.contains("'../../../../tmp/escaped'") })
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped"))
        #expect(try LinkChecker(root: site).check().isEmpty)
    }
}
