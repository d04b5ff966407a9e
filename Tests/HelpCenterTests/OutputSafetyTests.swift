import Foundation
import HelpCenter
import HelpCenterResources
import Testing

@Suite struct OutputSafetyTests {
    @Test func aFailedBuildLeavesThePreviousSiteUntouched() async throws {
        let (site, _) = try await SiteFixtures.build()
        let before = try SiteFixtures.files(in: site)
        let templates = try SiteFixtures.temporaryFolder()
        try Data("{{#article}}never closed".utf8).write(to: templates.appendingPathComponent("article.mustache"))
        await #expect(throws: ThemeError.self) {
            try await SiteBuilder(options: SiteOptions(output: site, templates: templates)).build(snapshot: DemoHelpCenter.snapshot())
        }
        #expect(try SiteFixtures.files(in: site) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
        #expect(siblings == ["site"])
    }

    @Test func aFailureWhileWritingLeavesNoStagingFolder() async throws {
        let (site, _) = try await SiteFixtures.build()
        let before = try SiteFixtures.files(in: site)
        // A public file named like a page folder makes writing the article pages fail mid-build.
        let publicFolder = try SiteFixtures.temporaryFolder()
        try Data("not a folder".utf8).write(to: publicFolder.appendingPathComponent("articles"))
        let error = await #expect(throws: BuildError.self) {
            try await SiteBuilder(options: SiteOptions(output: site, publicFolder: publicFolder)).build(snapshot: DemoHelpCenter.snapshot())
        }
        #expect(error?.description.hasPrefix("cannot write articles/") == true, "\(String(describing: error))")
        #expect(try SiteFixtures.files(in: site) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path) == ["site"])
    }

    @Test func refusesToReplaceAFolderItDidNotCreate() async throws {
        let folder = try SiteFixtures.temporaryFolder()
        let notes = folder.appendingPathComponent("notes.txt")
        try Data("my notes".utf8).write(to: notes)
        let error = await #expect(throws: BuildError.self) {
            try await SiteBuilder(options: SiteOptions(output: folder)).build(snapshot: DemoHelpCenter.snapshot())
        }
        #expect(error?.description.contains("refusing to replace \(folder.path)") == true)
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes")
        // With force it is replaced.
        _ = try await SiteBuilder(options: SiteOptions(output: folder, force: true)).build(snapshot: DemoHelpCenter.snapshot())
        #expect(!FileManager.default.fileExists(atPath: notes.path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
    }

    @Test func anEmptyOrMissingFolderIsFine() async throws {
        let empty = try SiteFixtures.temporaryFolder()
        _ = try await SiteBuilder(options: SiteOptions(output: empty)).build(snapshot: DemoHelpCenter.snapshot())
        let missing = try SiteFixtures.temporaryFolder().appendingPathComponent("a/b/site")
        _ = try await SiteBuilder(options: SiteOptions(output: missing)).build(snapshot: DemoHelpCenter.snapshot())
        #expect(FileManager.default.fileExists(atPath: missing.appendingPathComponent("index.html").path))
    }

    @Test func neverReplacesTheWorkingFolderOrAnInputEvenWithForce() async throws {
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for output in [working, working.deletingLastPathComponent(), URL(fileURLWithPath: "/")] {
            let error = await #expect(throws: BuildError.self) {
                try await SiteBuilder(options: SiteOptions(output: output, force: true)).build(snapshot: DemoHelpCenter.snapshot())
            }
            #expect(error?.description.contains("refusing to use") == true, "\(output.path)")
        }
        let project = try SiteFixtures.temporaryFolder()
        let templates = project.appendingPathComponent("theme/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let error = await #expect(throws: BuildError.self) {
            try await SiteBuilder(options: SiteOptions(output: project, templates: templates, force: true))
                .build(snapshot: DemoHelpCenter.snapshot())
        }
        #expect(error?.description.contains("holds the templates folder \(templates.path) (--templates)") == true, "\(String(describing: error))")
        #expect(FileManager.default.fileExists(atPath: templates.path))
    }

    @Test func publicFilesLinkingOutsideTheirFolderAreNotCopied() async throws {
        let publicFolder = try SiteFixtures.temporaryFolder()
        try Data("body { color: red }".utf8).write(to: publicFolder.appendingPathComponent("extra.css"))
        try FileManager.default.createSymbolicLink(
            atPath: publicFolder.appendingPathComponent("alias.css").path, withDestinationPath: "extra.css")
        try FileManager.default.createSymbolicLink(
            atPath: publicFolder.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        let (site, report) = try await SiteFixtures.build { $0.publicFolder = publicFolder }
        #expect(try String(contentsOf: site.appendingPathComponent("alias.css"), encoding: .utf8) == "body { color: red }")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("extra.css").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("passwd").path))
        #expect(report.warnings.contains { $0.kind == .skippedFile && $0.message.contains("passwd") })
    }

    @Test func aFileInTheWayIsAnError() async throws {
        let file = try SiteFixtures.temporaryFolder().appendingPathComponent("site")
        try Data("x".utf8).write(to: file)
        let error = await #expect(throws: BuildError.self) {
            try await SiteBuilder(options: SiteOptions(output: file, force: true)).build(snapshot: DemoHelpCenter.snapshot())
        }
        #expect(error?.description.contains("is a file") == true)
    }
}
