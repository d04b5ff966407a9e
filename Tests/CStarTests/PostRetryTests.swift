import CStar
import CStarEmulator
import Foundation
import Testing

/// `recordView` and `submitFeedback` are counted by the server: they are sent again only when they
/// provably did not reach it.
@Suite struct PostRetryTests {
    static let slug = "billing-article-0"

    func library(_ url: URL, _ configuration: ClientConfiguration) -> LibraryClient {
        LibraryClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration)
    }

    func posts(_ emulator: CStarEmulator) -> [String] {
        emulator.recorder.received.filter { $0.method == "POST" }.map(\.uri)
    }

    /// A dropped connection (the view was counted, the answer lost), a timeout and a 500 may all have
    /// been counted: one attempt, and the error.
    @Test(arguments: [
        (FaultInjection(dropEvery: 1), CStarError.Kind.network, 1),
        (FaultInjection(hangEvery: 1), .timeout, 0),
        (FaultInjection(serverErrorEvery: 1), .server, 0),
    ])
    func aPostThatMayHaveArrivedIsNotSentAgain(faults: FaultInjection, kind: CStarError.Kind, counted: Int) async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: faults)
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            // Long enough for an answer on a busy machine, short where the answer never comes.
            let client = library(url, testConfiguration(sleeper, timeout: faults.hangEvery == nil ? .seconds(10) : .seconds(1)))
            let error = try await #require(throws: CStarError.self) { try await client.recordView(slug: Self.slug) }
            #expect(error.kind == kind && error.attempts == 1, "\(error)")
            #expect(posts(emulator) == ["/api/library/acme/articles/\(Self.slug)/view"])
            #expect(emulator.recorder.views.count == counted)
            #expect(sleeper.delays.isEmpty)

            let feedback = try await #require(throws: CStarError.self) {
                try await client.submitFeedback(slug: Self.slug, isHelpful: true)
            }
            #expect(feedback.kind == kind && feedback.attempts == 1)
            #expect(emulator.recorder.feedback.count == counted && posts(emulator).count == 2)
        }
    }

    /// A 429 and a 503 with `Retry-After` were not processed: sent again after the wait asked for.
    @Test(arguments: [
        FaultInjection(rateLimitEvery: 1, retryAfterSeconds: 2, faultsPerRequest: 1),
        FaultInjection(retryAfterSeconds: 2, faultsPerRequest: 1, unavailableEvery: 1),
    ])
    func aPostTheServerRefusedIsSentAgain(faults: FaultInjection) async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: faults)
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let client = library(url, testConfiguration(sleeper))
            try await client.recordView(slug: Self.slug)
            try await client.submitFeedback(slug: Self.slug, isHelpful: false, feedbackText: "Too short")
            #expect(emulator.recorder.views == [Self.slug])
            #expect(emulator.recorder.feedback == [.init(slug: Self.slug, isHelpful: false, text: "Too short")])
            #expect(posts(emulator).count == 4)
            #expect(sleeper.delays == [.seconds(2), .seconds(2)])
        }
    }

    @Test func aPostWhoseConnectionWasRefusedIsSentAgain() async throws {
        // Nothing listens on port 1 of the loopback address.
        let sleeper = RecordingSleeper()
        let client = library(URL(string: "http://127.0.0.1:1")!, testConfiguration(sleeper, retries: 2))
        let error = try await #require(throws: CStarError.self) { try await client.recordView(slug: Self.slug) }
        #expect(error.kind == .network && error.attempts == 3, "\(error)")
        #expect(sleeper.delays.count == 2)
    }

    /// A GET answered 503 with `Retry-After` waits as asked, not the backoff.
    @Test func unavailableWithRetryAfterWaitsAsAsked() async throws {
        let emulator = CStarEmulator(
            snapshot: Fixture.snapshot, faults: FaultInjection(retryAfterSeconds: 3, faultsPerRequest: 1, unavailableEvery: 1))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            #expect(try await library(url, testConfiguration(sleeper)).categories().count == 3)
            #expect(sleeper.delays == [.seconds(3)])
        }
    }
}
