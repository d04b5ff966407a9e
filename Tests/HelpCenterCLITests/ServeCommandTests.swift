import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `helpcenter serve` as a process: it builds, listens on loopback, serves the site and stops on SIGINT.
@Suite struct ServeCommandTests {
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
        kill(process.processIdentifier, SIGINT)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    @Test func rejectsBadOptions() async throws {
        let port = try await CLI.run(["serve", "--port", "70000"])
        #expect(port.status != 0 && port.stderr.contains("--port"))
        let watch = try await CLI.run(["serve", "--watch-api", "5"])
        #expect(watch.status != 0 && watch.stderr.contains("--watch-api needs --team"))
    }
}
