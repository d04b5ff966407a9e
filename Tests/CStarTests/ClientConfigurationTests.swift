import CStar
import CStarEmulator
import Foundation
import Testing

/// What ``ClientConfiguration`` adds to requests and reports about them.
@Suite struct ClientConfigurationTests {
    @Test func apiVersionIsSentAsCStarVersion() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot)
        try await withEmulator(emulator) { url async throws in
            var configuration = testConfiguration()
            configuration.apiVersion = "2026-03-01"
            _ = try await LibraryClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration).categories()
            _ = try await CommunityClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration).topics()
            _ = try await LibraryClient(teamSlug: Fixture.team, baseURL: url, configuration: testConfiguration()).categories()
            #expect(emulator.recorder.received.map { $0.header(APIHeader.version) } == ["2026-03-01", "2026-03-01", nil])
        }
    }

    @Test func everyRetryIsReportedWithItsReasonAndWait() async throws {
        let emulator = CStarEmulator(
            snapshot: Fixture.snapshot,
            faults: FaultInjection(serverErrorEvery: 3, rateLimitEvery: 4, retryAfterSeconds: 5))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let tally = RetryTally()
            let events = EventLog()
            var configuration = testConfiguration(sleeper, random: 0)
            configuration.onRetry = { event in
                tally.record(event)
                events.append(event)
            }
            let client = LibraryClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration)
            _ = try await client.categories()  // 1
            _ = try await client.stats()  // 2
            _ = try await client.popularArticles()  // 3: 500, 4: 429, 5
            _ = try await client.article(slug: "billing-article-1")  // 6: 500, 7
            let popular = "GET \(url.absoluteString)/api/library/acme/popular"
            #expect(events.all.map(\.request) == [popular, popular, "GET \(url.absoluteString)/api/library/acme/articles/billing-article-1"])
            #expect(events.all.map(\.attempt) == [1, 2, 1])
            #expect(events.all.map(\.reason) == ["HTTP 500", "HTTP 429", "HTTP 500"])
            #expect(events.all.map(\.delay) == [.milliseconds(500), .seconds(5), .milliseconds(500)])
            #expect(events.all.map(\.delay) == sleeper.delays)
            #expect(tally.summary == "3 retries of 2 requests (2 × HTTP 500, 1 × HTTP 429)")
        }
    }

    @Test func noRetriesNoSummary() {
        #expect(RetryTally().summary == nil)
    }
}

/// Collects retry events from any thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [RetryEvent] = []

    func append(_ event: RetryEvent) { lock.withLock { events.append(event) } }
    var all: [RetryEvent] { lock.withLock { events } }
}
