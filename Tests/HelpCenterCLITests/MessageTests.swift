import Foundation
import Testing

/// What `helpcenter` says, and the status it exits with, for input a CI job gets wrong.
@Suite struct MessageTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-messages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A snapshot file in a new folder, with `articles` (JSON text) in one category `guides`.
    func snapshotFile(articles: String) throws -> URL {
        let file = try temporaryFolder().appendingPathComponent("content.json")
        try Data("""
            {"format": "cstar-help-snapshot", "version": 1, "team": {"slug": "acme"},
             "library": {"categories": [{"id": "c1", "name": "Guides", "slug": "guides"}], "articles": \(articles)}}
            """.utf8).write(to: file)
        return file
    }

    @Test(arguments: [
        (["build", "--timeout", "-1"], "--timeout must be a number of seconds from 0.001 to 86400, not -1."),
        (["build", "--timeout", "0"], "--timeout must be a number of seconds from 0.001 to 86400, not 0."),
        (["snapshot", "--team", "acme", "-o", "acme.json", "--timeout", "86400.5"], "--timeout must be a number of seconds from 0.001 to 86400, not 86400.5."),
        (["build", "--retries", "-1"], "--retries must be a whole number from 0 up, not -1."),
        (["build", "--concurrency", "-2"], "--concurrency must be a whole number from 1 up, not -2."),
        (["serve", "--port", "-1"], "--port must be between 0 and 65535, not -1."),
        (["emulate", "--port", "-1"], "--port must be between 0 and 65535, not -1."),
        (["emulate", "--latency", "-5"], "--latency must be a whole number of milliseconds from 0 up, not -5."),
        (["emulate", "--fail-every", "-3"], "--fail-every must be at least 1, not -3."),
        (["serve", "--team", "acme", "--watch-api", "-60"], "--watch-api must be a whole number of seconds from 1 up, not -60."),
    ])
    func negativeAndZeroNumbersSayWhatIsAllowed(arguments: [String], message: String) async throws {
        let result = try await CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: \(message)"), "\(result.stderr)")
    }

    @Test func themeInitIntoAFolderThatIsNotEmptyFailsUnlessForced() async throws {
        let folder = try temporaryFolder()
        let mine = folder.appendingPathComponent("notes.txt")
        let article = folder.appendingPathComponent("templates/article.mustache")
        try Data("mine".utf8).write(to: mine)
        let refused = try await CLI.run(["theme", "init", folder.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: \(folder.path) is not empty; choose a new folder, or give --force"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])

        try FileManager.default.createDirectory(at: article.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("edited".utf8).write(to: article)
        let forced = try await CLI.run(["theme", "init", "--force", folder.path])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "mine")
        #expect(try String(contentsOf: article, encoding: .utf8).contains("{{"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/assets/site.css").path))

        let file = try await CLI.run(["theme", "init", mine.path])
        #expect(file.status == 1 && file.stderr.contains("error: \(mine.path) is a file, not a folder"), "\(file.stderr)")
    }

    @Test func markdownReadsFilesAndStandardInputOrSaysWhatIsWrong() async throws {
        let folder = try temporaryFolder()
        let missing = try await CLI.run(["markdown", folder.appendingPathComponent("nonexist.md").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: \(folder.path)/nonexist.md: cannot read it (no such file or folder)"), "\(missing.stderr)")

        let directory = try await CLI.run(["markdown", folder.path])
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("error: \(folder.path): is a folder, not a Markdown file"), "\(directory.stderr)")
        #expect(!directory.stderr.contains("NSCocoaErrorDomain"))

        let stdin = try await CLI.run(["markdown", "-"], input: Data("*hi*\n".utf8))
        #expect(stdin.status == 0, "\(stdin.stderr)")
        #expect(stdin.stdout == "<p><em>hi</em></p>\n")

        let binary = folder.appendingPathComponent("binary.md")
        try Data([0x23, 0x20, 0x41, 0xC3, 0xA9, 0x0A, 0xFF, 0x41]).write(to: binary)
        let notText = try await CLI.run(["markdown", binary.path])
        #expect(notText.status == 1)
        #expect(notText.stdout.isEmpty)
        #expect(notText.stderr.contains("error: \(binary.path): not UTF-8 text (invalid byte 0xFF at offset 6)"), "\(notText.stderr)")
        let piped = try await CLI.run(["markdown"], input: Data([0x41, 0xE2, 0x82]))
        #expect(piped.status == 1 && piped.stderr.contains("error: standard input: not UTF-8 text (invalid byte 0xE2 at offset 1)"), "\(piped.stderr)")
    }

    @Test func aSnapshotThatIsNotJSONNamesTheLineAndColumn() async throws {
        let file = try snapshotFile(articles: "[]")
        // Cut short after `"articles": [` at the end of line 2.
        let text = try String(contentsOf: file, encoding: .utf8).dropLast(3)
        let column = text.split(separator: "\n")[1].count + 1
        try Data(text.utf8).write(to: file)
        for command in [["inspect", file.path], ["build", "--snapshot", file.path, "-o", file.deletingLastPathComponent().appendingPathComponent("site").path]] {
            let result = try await CLI.run(command)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: \(file.path):2:\(column): unexpected end of the text"), "\(result.stderr)")
        }

        try Data(#"{"format": "cstar-help-snapshot",, "version": 1}"#.utf8).write(to: file)
        let comma = try await CLI.run(["inspect", file.path])
        #expect(comma.stderr.contains("error: \(file.path):1:34: expected a key in quotes"), "\(comma.stderr)")

        try Data("[]".utf8).write(to: file)
        let array = try await CLI.run(["inspect", file.path])
        #expect(array.status == 1)
        #expect(array.stderr.contains("error: \(file.path): the snapshot must be a JSON object, not an array"), "\(array.stderr)")
    }

    @Test func aFieldOfTheWrongTypeIsAWarningWithItsPath() async throws {
        let file = try snapshotFile(articles: """
            [{"id": "1", "slug": "a", "title": "A", "categorySlug": "guides", "viewCount": 12},
             {"id": "2", "slug": "b", "title": "B", "categorySlug": "guides", "view_count": "many", "tags": "x"}]
            """)
        let message = "library.articles[1].view_count: expected a whole number, got a string"
        let inspect = try await CLI.run(["inspect", file.path])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stderr.contains("warning: \(message)"), "\(inspect.stderr)")
        #expect(inspect.stderr.contains("warning: library.articles[1].tags: expected an array, got a string"), "\(inspect.stderr)")
        #expect(!inspect.stderr.contains("articles[0]"))

        let site = file.deletingLastPathComponent().appendingPathComponent("site")
        let build = try await CLI.run(["build", "--snapshot", file.path, "-o", site.path, "--strict"])
        #expect(build.status == 2)
        #expect(build.stderr.contains("error: \(message)"), "\(build.stderr)")
    }

    @Test func inspectReportsTheContentProblemsBuildWarnsAbout() async throws {
        let file = try snapshotFile(articles: """
            [{"id": "1", "slug": "setup", "title": "Setup", "categorySlug": "guides"},
             {"id": "2", "slug": "setup", "title": "Setup again", "categorySlug": "guides"},
             {"id": "3", "slug": "lost", "title": "Lost", "categorySlug": "nowhere"}]
            """)
        let result = try await CLI.run(["inspect", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 categories, 3 articles"))
        #expect(result.stderr.contains("warning: article 'Lost' (lost) names no known category; it is published without one"), "\(result.stderr)")
        #expect(result.stderr.contains("warning: article 'Setup again': duplicate slug 'setup' published as 'setup-2'"), "\(result.stderr)")
    }

    @Test func aFileWhereAFolderIsExpectedIsNamed() async throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        let site = folder.appendingPathComponent("site").path
        for option in ["--cache", "--templates", "--public"] {
            let result = try await CLI.run(["build", "-o", site, option, file.path])
            #expect(result.status == 1)
            #expect(result.stderr == "error: \(option): \(file.path) is a file, not a folder\n", "\(result.stderr)")
        }
        let missing = try await CLI.run(["build", "-o", site, "--templates", folder.appendingPathComponent("none").path])
        #expect(missing.status == 1 && missing.stderr.contains("error: --templates: \(folder.path)/none does not exist"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site))
    }

    @Test func aFolderWhereAFileIsExpectedIsNamed() async throws {
        let folder = try temporaryFolder()
        let site = folder.appendingPathComponent("site").path
        let cases: [([String], String)] = [
            (["inspect", folder.path], "error: \(folder.path): cannot read the file (it is a folder, not a file)"),
            (["build", "-o", site, "--snapshot", folder.path], "error: \(folder.path): cannot read the file (it is a folder, not a file)"),
            (["build", "-o", site, "--slug-history", folder.path], "error: refusing to build: the slug history \(folder.path) (--slug-history) is a folder, not a file"),
        ]
        for (arguments, message) in cases {
            let result = try await CLI.run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr == message + "\n", "\(result.stderr)")
        }
    }

    @Test func aMisspelledTemplateIsAWarningWithTheClosestName() async throws {
        let folder = try temporaryFolder()
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("<p>{{article.title}}</p>\n".utf8).write(to: templates.appendingPathComponent("aritcle.mustache"))
        try Data("<footer>mine</footer>\n".utf8).write(to: templates.appendingPathComponent("my-footer.mustache"))
        try Data("{{> my-footer}}\n".utf8).write(to: templates.appendingPathComponent("footer-wrapper.mustache"))
        let result = try await CLI.run(["build", "-o", folder.appendingPathComponent("site").path, "--templates", templates.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(
            "warning: \(templates.path)/aritcle.mustache is not a template of the theme; did you mean article.mustache?"), "\(result.stderr)")
        // A partial some template uses is a template of the theme.
        #expect(!result.stderr.contains("my-footer.mustache"))
        #expect(result.stderr.contains("footer-wrapper.mustache is not a template of the theme and no template uses it as a partial"))
    }

    @Test func anUnclosedSectionIsReportedWhereItOpens() async throws {
        let folder = try temporaryFolder()
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let site = folder.appendingPathComponent("site").path
        try Data("<main>\n  {{#site}}{{title}}{{/site}} {{#broken}}\n  <p>x</p>\n</main>\n".utf8)
            .write(to: templates.appendingPathComponent("home.mustache"))
        let atTheEnd = try await CLI.run(["build", "-o", site, "--templates", templates.path])
        #expect(atTheEnd.status == 1)
        #expect(atTheEnd.stderr.contains(
            "error: \(templates.path)/home.mustache:2:31: the section 'broken' opened here is never closed (no {{/broken}})"), "\(atTheEnd.stderr)")

        // Left open inside another section: reported where the outer one closes.
        try Data("<main>\n  {{#site}}{{#broken}}\n  <p>{{title}}</p>{{/site}}\n</main>\n".utf8)
            .write(to: templates.appendingPathComponent("home.mustache"))
        let inside = try await CLI.run(["build", "-o", site, "--templates", templates.path])
        #expect(inside.status == 1)
        #expect(inside.stderr.contains(
            "error: \(templates.path)/home.mustache:3:19: {{/site}} does not match the innermost open section 'broken' "
                + "(opened at line 2, column 12, never closed)"), "\(inside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site))
    }
}
