import Foundation
import HelpCenter
import HelpCenterResources
import Testing

@Suite struct ThemeTests {
    func templates(_ files: [String: String]) throws -> URL {
        let folder = try SiteFixtures.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func aTemplateOfTheSameNameOverridesTheDefault() async throws {
        let overrides = try templates(["footer.mustache": "<footer class=\"custom\">Acme support · {{site.title}}</footer>\n"])
        let (site, _) = try await SiteFixtures.build { $0.templates = overrides }
        let home = try SiteFixtures.html(site, "index.html")
        #expect(home.contains(#"<footer class="custom">Acme support · Quillpad</footer>"#))
        #expect(!home.contains("Built with helpcenter"))
        // Other templates are still the defaults.
        #expect(home.contains("Browse by category"))
    }

    @Test func aBrokenTemplateNamesItsFileAndLine() throws {
        let overrides = try templates(["post.mustache": "<div>\n<p>\n{{#post}}\n{{title}}\n{{/comments}}\n</div>\n"])
        let error = try #require(throws: ThemeError.self) { try Theme(overrides: overrides) }
        #expect(error.file == overrides.appendingPathComponent("post.mustache").path)
        #expect(error.line == 5)
        #expect(error.description.hasPrefix("\(overrides.path)/post.mustache:5:"))
        #expect(error.description.hasSuffix("{{/comments}} does not match the innermost open section 'post' (opened at line 3, column 1, never closed)"))
    }

    @Test func aMissingPartialIsAnError() throws {
        let overrides = try templates(["home.mustache": "<h1>Hi</h1>\n{{> hero-banner}}\n"])
        let error = try #require(throws: ThemeError.self) { try Theme(overrides: overrides) }
        #expect(error.description == "\(overrides.path)/home.mustache:2: the partial 'hero-banner' does not exist (no hero-banner.mustache)")
    }

    @Test func aMissingTemplatesFolderIsAnError() throws {
        let missing = try SiteFixtures.temporaryFolder().appendingPathComponent("nope")
        let error = try #require(throws: ThemeError.self) { try Theme(overrides: missing) }
        #expect(error.description == "\(missing.path): the templates folder does not exist")
    }

    @Test func everyPageKindNeedsATemplate() throws {
        let folder = try SiteFixtures.temporaryFolder()
        let defaults = try DefaultTheme.templates()
        for name in try FileManager.default.contentsOfDirectory(atPath: defaults.path) where name != "topic.mustache" {
            try FileManager.default.copyItem(at: defaults.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let error = try #require(throws: ThemeError.self) { try Theme(folders: [folder]) }
        #expect(error.description.contains("the theme has no 'topic' template"))
    }
}
