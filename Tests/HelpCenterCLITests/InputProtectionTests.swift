import Foundation
import HelpCenterResources
import Testing

/// No build deletes, replaces or reads back its own inputs: every input (snapshot, templates, public,
/// slug history, cache, report) against every place a build writes or replaces (output, cache,
/// report, slug history), through plain, relative, `..` and symbolic-link paths. A refusal names the
/// input and the folder, exits 1, and leaves every input file and the previous site as they were.
@Suite struct InputProtectionTests {
    /// A project folder with every input apart, and a site built from them once.
    struct Project {
        let root: URL
        var site: URL { root.appendingPathComponent("site") }

        init() async throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-\(UUID().uuidString)")
            let manager = FileManager.default
            for folder in ["in/templates", "in/public"] {
                try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try Data(contentsOf: try DemoHelpCenter.url()).write(to: root.appendingPathComponent("in/content.json"))
            try Data("<footer>custom</footer>\n".utf8).write(to: root.appendingPathComponent("in/templates/footer.mustache"))
            try Data("body { color: teal }\n".utf8).write(to: root.appendingPathComponent("in/public/extra.css"))
            let first = try await CLI.run(arguments(), timeout: .seconds(300))
            #expect(first.status == 0, "\(first.stderr)")
        }

        /// The build's arguments, each location as given, with `overrides` (option → path) replacing them.
        func arguments(_ overrides: [String: String] = [:]) -> [String] {
            var options = [
                "--output": "site", "--snapshot": "in/content.json", "--templates": "in/templates", "--public": "in/public",
                "--slug-history": "in/history.json", "--cache": "cache", "--report": "report.json",
            ]
            options.merge(overrides) { _, new in new }
            return ["build"] + options.sorted { $0.key < $1.key }.flatMap { option, path in
                [option, path.hasPrefix("/") ? path : root.appendingPathComponent(path).path]
            }
        }

        /// Every file under the project, with its bytes (the cache's own file excluded: builds rewrite it).
        func files() throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
            for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                files[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count))] = try Data(contentsOf: url)
            }
            return files
        }

        func write(_ text: String, at path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A build that must be refused: exit 1, a message naming both options, and every file unchanged.
    func expectRefused(
        _ project: Project, _ overrides: [String: String], naming options: [String], extra: [String] = [],
        through wrapper: [String]? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try project.files()
        let arguments = project.arguments(overrides) + extra
        let result = try await CLI.run(arguments, through: wrapper.map { $0 + [CLI.executable.path] + arguments })
        let line = overrides.map { "\($0.key) \($0.value)" }.sorted().joined(separator: " ")
        #expect(result.status == 1, "\(line): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("refusing to build"), "\(line): \(result.stderr)", sourceLocation: sourceLocation)
        for option in options {
            #expect(result.stderr.contains("(\(option))"), "\(line): \(option) not named in \(result.stderr)", sourceLocation: sourceLocation)
        }
        let after = try project.files()
        for (path, data) in before where after[path] != data && !path.hasSuffix("report.json") {
            Issue.record("\(line): \(path) was changed or deleted", sourceLocation: sourceLocation)
        }
    }

    @Test func theOutputFolderNeverHoldsAnInput() async throws {
        let project = try await Project()
        let inputs: [(option: String, path: String)] = [
            ("--snapshot", "site/content.json"), ("--templates", "site/theme"), ("--public", "site/static"),
            ("--slug-history", "site/history.json"), ("--cache", "site/.cache"), ("--report", "site/report.json"),
        ]
        try project.write(String(decoding: try Data(contentsOf: project.root.appendingPathComponent("in/content.json")), as: UTF8.self), at: "site/content.json")
        try project.write("<footer>mine</footer>", at: "site/theme/footer.mustache")
        try project.write("p {}", at: "site/static/mine.css")
        try project.write(#"{"format": "helpcenter-slug-history", "version": 1}"#, at: "site/history.json")
        try project.write("notes", at: "site/.cache/notes.txt")
        try project.write("{}", at: "site/report.json")
        for (option, path) in inputs {
            try await expectRefused(project, [option: path], naming: ["--output", option])
            // --force replaces a folder helpcenter did not create, but never one that holds an input.
            try await expectRefused(project, [option: path], naming: ["--output", option], extra: ["--force"])
        }
    }

    @Test func theOutputFolderNeverLiesInsideAFolderTheBuildReadsOrWrites() async throws {
        let project = try await Project()
        for option in ["--templates", "--public", "--cache"] {
            try await expectRefused(project, [option: "site/.."], naming: ["--output", option])
        }
    }

    @Test func filesTheBuildWritesNeverReplaceAnInput() async throws {
        let project = try await Project()
        let cases: [([String: String], [String])] = [
            (["--report": "in/content.json"], ["--report", "--snapshot"]),
            (["--report": "in/history.json"], ["--report", "--slug-history"]),
            (["--report": "in/templates/article.mustache"], ["--report", "--templates"]),
            (["--report": "in/public/report.json"], ["--report", "--public"]),
            (["--slug-history": "in/content.json"], ["--slug-history", "--snapshot"]),
            (["--slug-history": "in/public/history.json"], ["--slug-history", "--public"]),
            (["--slug-history": "in/templates/history.json"], ["--slug-history", "--templates"]),
            (["--cache": "in/public/cache"], ["--cache", "--public"]),
            (["--cache": "in/templates"], ["--cache", "--templates"]),
        ]
        for (overrides, options) in cases {
            try await expectRefused(project, overrides, naming: options)
        }
    }

    @Test func theSnapshotIsNeverTheCacheFile() async throws {
        let project = try await Project()
        let cacheFile = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("cache").path)
            .first { $0.hasSuffix(".cache") }
        let name = try #require(cacheFile)
        try await expectRefused(project, ["--snapshot": "cache/\(name)"], naming: ["--snapshot"])
    }

    /// The same refusals through `..`, a symbolic link to the output folder, and paths relative to the
    /// working folder.
    @Test func pathsAreComparedWhereTheyReallyLead() async throws {
        let project = try await Project()
        try project.write(String(decoding: try Data(contentsOf: project.root.appendingPathComponent("in/content.json")), as: UTF8.self), at: "site/content.json")
        try FileManager.default.createSymbolicLink(
            at: project.root.appendingPathComponent("link"), withDestinationURL: project.root.appendingPathComponent("site"))
        try await expectRefused(project, ["--snapshot": "in/../site/./content.json"], naming: ["--output", "--snapshot"])
        try await expectRefused(project, ["--snapshot": "link/content.json"], naming: ["--output", "--snapshot"])
        try await expectRefused(project, ["--output": "link", "--snapshot": "site/content.json"], naming: ["--output", "--snapshot"])
        try await expectRefused(project, ["--report": "link/../in/content.json"], naming: ["--report", "--snapshot"])

        let relative = ["--output", "site", "--snapshot", "site/content.json", "--no-cache"]
        let before = try project.files()
        let result = try await CLI.run(
            [], through: ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, project.root.path, CLI.executable.path, "build"] + relative)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("the output folder site (--output) holds the snapshot file site/content.json (--snapshot)"), "\(result.stderr)")
        #expect(try project.files() == before)
    }

    /// `--force` on a folder helpcenter did not create, which holds the snapshot: refused, kept.
    @Test func forceNeverDeletesTheSnapshotOfAFolderItDidNotCreate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-force-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let snapshot = folder.appendingPathComponent("content.json")
        try Data(contentsOf: try DemoHelpCenter.url()).write(to: snapshot)
        let before = try Data(contentsOf: snapshot)
        let result = try await CLI.run(["build", "--output", folder.path, "--snapshot", snapshot.path, "--force", "--no-cache"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("holds the snapshot file \(snapshot.path) (--snapshot)"), "\(result.stderr)")
        #expect(try Data(contentsOf: snapshot) == before)
    }

    /// A report or slug history whose folder does not exist fails before the site is replaced.
    @Test func aMissingFolderForAWrittenFileFailsBeforeTheSiteIsReplaced() async throws {
        let project = try await Project()
        // A changed snapshot would otherwise rebuild and replace the site.
        let snapshot = project.root.appendingPathComponent("in/content.json")
        var text = try String(contentsOf: snapshot, encoding: .utf8)
        text = text.replacingOccurrences(of: "Quillpad", with: "Inkpad")
        try Data(text.utf8).write(to: snapshot)
        for option in ["--report", "--slug-history"] {
            try await expectRefused(project, [option: "missing/folder/file.json"], naming: [option])
            let result = try await CLI.run(project.arguments([option: "missing/file.json"]))
            #expect(result.stderr.contains("does not exist"), "\(result.stderr)")
        }
        try await expectRefused(project, ["--report": "in"], naming: ["--report"])
        let home = try String(contentsOf: project.site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Quillpad") && !home.contains("Inkpad"))
    }

    /// A refusal that is not about the report still writes one, with the outcome and the reason.
    @Test func aRefusalIsReported() async throws {
        let project = try await Project()
        try project.write("{}", at: "site/content.json")
        let result = try await CLI.run(project.arguments(["--snapshot": "site/content.json"]))
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: project.root.appendingPathComponent("report.json"))) as? [String: Any]
        #expect(report?["outcome"] as? String == "failed")
        #expect((report?["error"] as? String)?.contains("holds the snapshot file") == true)
    }
}
