import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `helpcenter serve` as a process: it builds, listens on loopback, serves the site and stops on SIGINT.
@Suite struct ServeCommandTests {
    func temporaryFolder() throws -> URL {
        try BuildCommandTests().temporaryFolder()
    }

    /// Sends SIGINT to `process` and waits up to 10 seconds for it to exit.
    static func interrupt(_ process: Process) async throws {
        kill(process.processIdentifier, SIGINT)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
    }

    @Test func servesTheDemoOnLoopbackAndStopsOnInterrupt() async throws {
        let (process, line) = try await ChildProcess.start(CLI.executable, ["serve", "--port", "0"], waitingFor: "Serving ")
        defer { if process.isRunning { process.terminate() } }
        let url = try #require(line.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+\//).map { URL(string: String($0.output))! })
        let (data, response) = try await URLSession.shared.data(from: url.appendingPathComponent("articles/offline-mode/"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("live-reload.js"))
        // A live-reload client stays connected; the interrupt must still stop the server promptly.
        let events = StreamReader(url: url.appendingPathComponent("__helpcenter/events"))
        defer { events.cancel() }
        #expect(await events.wait(for: ": connected"))
        try await Self.interrupt(process)
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    @Test func servesTheSiteAtTheURLItPrintsUnderTheBasePath() async throws {
        let (process, line) = try await ChildProcess.start(
            CLI.executable, ["serve", "--port", "0", "--base-path", "/help/"], waitingFor: "Serving ")
        defer { if process.isRunning { process.terminate() } }
        let url = try #require(line.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+\/help\//).map { URL(string: String($0.output))! })
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("<script src=\"/help/__helpcenter/live-reload.js\">"))
        #expect(try await HTTPProbe.request(port: url.port!, target: "/").headers["location"] == "/help/")
        try await Self.interrupt(process)
    }

    @Test func rebuildLinesNameTheFileThatChanged() async throws {
        let folder = try temporaryFolder()
        #expect(try await CLI.run(["theme", "init", folder.appendingPathComponent("theme").path]).status == 0)
        let errors = folder.appendingPathComponent("stderr.txt")
        let (process, _) = try await ChildProcess.start(
            CLI.executable, ["serve", "--port", "0", "--templates", "theme/templates", "--output", "site"],
            waitingFor: "Serving ", in: folder, errors: errors)
        defer { if process.isRunning { process.terminate() } }
        /// Appends to the templates `names`, then waits for the rebuild line `count`.
        func edit(_ names: [String], rebuild count: Int) async throws -> String {
            for name in names {
                let file = folder.appendingPathComponent("theme/templates/\(name)")
                try Data((try String(contentsOf: file, encoding: .utf8) + "<p>Edited</p>\n").utf8).write(to: file)
            }
            let deadline = ContinuousClock.now + .seconds(30)
            var log = ""
            while log.components(separatedBy: "Rebuilt").count <= count, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                log = try String(contentsOf: errors, encoding: .utf8)
            }
            return log
        }
        let one = try await edit(["footer.mustache"], rebuild: 1)
        #expect(one.contains("\nRebuilt after theme/templates/footer.mustache changed: "), "\(one)")
        let two = try await edit(["header.mustache", "footer.mustache"], rebuild: 2)
        #expect(two.contains("\nRebuilt after theme/templates/footer.mustache and theme/templates/header.mustache changed: "), "\(two)")
        try await Self.interrupt(process)
    }

    @Test func aPortInUseIsNamedBeforeAnyBuild() async throws {
        let occupied = try OccupiedPort()
        let folder = try temporaryFolder()
        let result = try await CLI.run(["serve", "--port", "\(occupied.port)", "--output", folder.appendingPathComponent("site").path])
        #expect(result.status == 1)
        // The one line, without the report a build prints, and nothing written: no site, no build cache.
        #expect(result.stderr == "error: port \(occupied.port) on 127.0.0.1 is already in use; choose another with --port, or --port 0 for a free one\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])

        // 192.0.2.1 is a documentation address, never this machine's.
        let foreign = try await CLI.run(["serve", "--host", "192.0.2.1", "--port", "8000"])
        #expect(foreign.status == 1)
        #expect(foreign.stderr.hasSuffix("error: cannot listen on port 8000 of 192.0.2.1: Cannot assign requested address\n"), "\(foreign.stderr)")
    }

    @Test func servesABuiltFolderAsItIsWithSite() async throws {
        let folder = try temporaryFolder()
        let site = folder.appendingPathComponent("site")
        #expect(try await CLI.run(["build", "--output", site.path, "--base-path", "/help/"]).status == 0)
        // A build would replace the folder and drop this file.
        try Data("kept\n".utf8).write(to: site.appendingPathComponent("marker.txt"))
        let (process, line) = try await ChildProcess.start(
            CLI.executable, ["serve", "--site", site.path, "--base-path", "/help/", "--port", "0"], waitingFor: "Serving ")
        defer { if process.isRunning { process.terminate() } }
        let url = try #require(line.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+\/help\//).map { URL(string: String($0.output))! })
        #expect(try await HTTPProbe.request(port: url.port!, target: "/help/marker.txt").body == "kept\n")
        let missing = try await HTTPProbe.request(port: url.port!, target: "/help/no/such/page/")
        #expect(missing.status == 404 && missing.body.contains("href=\"/help/assets/site.css\""))
        try await Self.interrupt(process)
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))

        let absent = try await CLI.run(["serve", "--site", folder.appendingPathComponent("nothing").path, "--port", "0"])
        #expect(absent.status == 1 && absent.stderr.contains("nothing is not a folder"), "\(absent.stderr)")
        let mixed = try await CLI.run(["serve", "--site", site.path, "--templates", folder.path])
        #expect(mixed.status == 64 && mixed.stderr.contains("does not go with --templates"), "\(mixed.stderr)")
    }

    @Test func rejectsBadOptions() async throws {
        let port = try await CLI.run(["serve", "--port", "70000"])
        #expect(port.status != 0 && port.stderr.contains("--port"))
        let watch = try await CLI.run(["serve", "--watch-api", "5"])
        #expect(watch.status != 0 && watch.stderr.contains("--watch-api needs --team"))
    }
}
