@testable import CStar
import CStarEmulator
import Foundation
import Testing

@Suite struct ErrorAndRetryTests {
    func library(_ url: URL, _ configuration: ClientConfiguration) -> LibraryClient {
        LibraryClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration)
    }

    @Test(arguments: [
        (400, CStarError.Kind.validation), (422, .validation), (401, .authentication), (403, .permission),
        (404, .notFound), (409, .conflict), (500, .server), (503, .server), (418, .unexpectedStatus),
    ])
    func statusMapsToErrorKind(status: Int, kind: CStarError.Kind) async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: FaultInjection(errorStatus: status))
        try await withEmulator(emulator) { url async throws in
            let error = try await #require(throws: CStarError.self) {
                try await library(url, testConfiguration(retries: 0)).categories()
            }
            #expect(error.kind == kind)
            #expect(error.status == status)
            #expect(error.message == "Injected HTTP \(status).")
            #expect(error.code != nil && error.type != nil)
            #expect(error.requestID == "req_emu1")
            #expect(error.docURL?.hasPrefix("https://www.cstar.help/developers/errors") == true)
            #expect(error.param == ([400, 422].contains(status) ? "injected" : nil))
            #expect(error.description.contains("HTTP \(status)"))
        }
    }

    @Test func retriesAfterServerErrorWithExponentialBackoff() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: FaultInjection(serverErrorEvery: 1))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let error = try await #require(throws: CStarError.self) {
                try await library(url, testConfiguration(sleeper, random: 0.5)).categories()
            }
            #expect(error.kind == .server && error.attempts == 4)
            // 500 ms, 1 s, 2 s, each plus half of the 200 ms jitter.
            #expect(sleeper.delays == [.milliseconds(600), .milliseconds(1100), .milliseconds(2100)])
            #expect(emulator.recorder.requests == 4)
        }
    }

    @Test func recoversAfterOneServerError() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: FaultInjection(serverErrorEvery: 2))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let client = library(url, testConfiguration(sleeper, random: 0))
            #expect(try await client.categories().count == 3)  // request 1
            #expect(try await client.stats().totalArticles == 165)  // request 2 fails, 3 succeeds
            #expect(sleeper.delays == [.milliseconds(500)])
            #expect(emulator.recorder.requests == 3)
        }
    }

    @Test func faultLimitPerRequestLetsRetriesSucceed() async throws {
        let emulator = CStarEmulator(
            snapshot: Fixture.snapshot, faults: FaultInjection(serverErrorEvery: 1, faultsPerRequest: 2))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let client = library(url, testConfiguration(sleeper, random: 0))
            #expect(try await client.categories().count == 3)
            #expect(sleeper.delays == [.milliseconds(500), .seconds(1)])
            #expect(try await client.stats().totalArticles == 165)
            #expect(emulator.recorder.requests == 6)
        }
    }

    @Test func backoffIsCapped() {
        let policy = RetryPolicy()
        #expect(policy.backoff(retry: 0, random: 0) == .milliseconds(500))
        #expect(policy.backoff(retry: 3, random: 0) == .seconds(4))
        #expect(policy.backoff(retry: 10, random: 1) == .milliseconds(8200))
    }

    @Test func honoursRetryAfterOn429() async throws {
        let emulator = CStarEmulator(
            snapshot: Fixture.snapshot, faults: FaultInjection(rateLimitEvery: 2, retryAfterSeconds: 7))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let client = library(url, testConfiguration(sleeper))
            _ = try await client.categories()
            let article = try await client.article(slug: "billing-article-0")
            #expect(article?.slug == "billing-article-0")
            #expect(sleeper.delays == [.seconds(7)])
        }
    }

    @Test func rateLimitedAfterLastRetryCarriesRetryAfter() async throws {
        let emulator = CStarEmulator(
            snapshot: Fixture.snapshot, faults: FaultInjection(rateLimitEvery: 1, retryAfterSeconds: 3))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let error = try await #require(throws: CStarError.self) {
                try await library(url, testConfiguration(sleeper, retries: 2)).categories()
            }
            #expect(error.kind == .rateLimited && error.status == 429)
            #expect(error.retryAfter == .seconds(3))
            #expect(error.code == "rate_limit_exceeded")
            #expect(sleeper.delays == [.seconds(3), .seconds(3)])
        }
    }

    @Test func retryAfterBeyondTheLimitFailsAtOnce() async throws {
        let emulator = CStarEmulator(
            snapshot: Fixture.snapshot, faults: FaultInjection(rateLimitEvery: 1, retryAfterSeconds: 600))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let error = try await #require(throws: CStarError.self) {
                try await library(url, testConfiguration(sleeper)).categories()
            }
            #expect(error.kind == .rateLimited && error.retryAfter == .seconds(600))
            #expect(error.description.contains(
                "Retry after 600 seconds. The server asked to wait 600 s before trying again, more than this client's "
                    + "limit of 120 s (RetryPolicy.maxRetryAfter)."), "\(error)")
            #expect(sleeper.delays.isEmpty)
            #expect(emulator.recorder.requests == 1)
        }
    }

    @Test func retryAfterAsSecondsOrHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE',' dd MMM yyyy HH':'mm':'ss 'GMT'"
        let date = formatter.string(from: now.addingTimeInterval(42))
        #expect(ErrorResponse.retryAfter(header: date, now: now) == .seconds(42))
        #expect(ErrorResponse.retryAfter(header: "5", now: now) == .seconds(5))
        #expect(ErrorResponse.retryAfter(header: "soon", now: now) == nil)
    }

    /// A body cut short, an HTML page in place of JSON and a connection closed half way through the body
    /// are retried; when every attempt gets one, the error says what arrived.
    @Test(arguments: [
        (FaultInjection(truncateEvery: 1), CStarError.Kind.malformedResponse, "the body is not JSON"),
        (FaultInjection(malformedEvery: 1), .malformedResponse, #"starting "<html><head><title>502 Bad Gateway"#),
        (FaultInjection(dropEvery: 1), .network, "bytes remaining"),
    ])
    func damagedAnswersAreRetriedThenReported(faults: FaultInjection, kind: CStarError.Kind, message: String) async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: faults)
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let error = try await #require(throws: CStarError.self) {
                try await library(url, testConfiguration(sleeper, retries: 2)).categories()
            }
            #expect(error.kind == kind)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.request.hasSuffix("/api/library/\(Fixture.team)/categories"))
            #expect(error.attempts == 3 && sleeper.delays.count == 2 && emulator.recorder.requests == 3)
        }
    }

    @Test(arguments: [
        FaultInjection(truncateEvery: 1, faultsPerRequest: 2), FaultInjection(malformedEvery: 1, faultsPerRequest: 2),
        FaultInjection(dropEvery: 1, faultsPerRequest: 2), FaultInjection(hangEvery: 1, faultsPerRequest: 2),
    ])
    func damagedAnswersRecoverOnRetry(faults: FaultInjection) async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: faults)
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            // The default 10 s per attempt, so that a busy test machine cannot turn the answer that
            // gets through into a timeout; 5 s where two attempts must wait out a hang.
            let timeout: Duration = faults.hangEvery == nil ? .seconds(10) : .seconds(5)
            let client = library(url, testConfiguration(sleeper, retries: 2, timeout: timeout))
            #expect(try await client.categories().count == 3)
            #expect(emulator.recorder.requests == 3 && sleeper.delays.count == 2)
        }
    }

    @Test func anUnansweredRequestTimesOut() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: FaultInjection(hangEvery: 1))
        try await withEmulator(emulator) { url async throws in
            let error = try await #require(throws: CStarError.self) {
                try await library(url, testConfiguration(retries: 1, timeout: .milliseconds(200))).categories()
            }
            #expect(error.kind == .timeout && error.attempts == 2)
            #expect(emulator.recorder.requests == 2)
        }
    }

    @Test func jsonOfTheWrongShapeIsADecodingErrorAndNotRetried() throws {
        let response = TransportResponse(status: 200, headers: [:], body: Data(#"{"success":true,"data":{"id":7}}"#.utf8))
        let error = try #require(throws: CStarError.self) {
            try RequestExecutor.decode([CStar.Category].self, from: response, label: "GET /x")
        }
        #expect(error.kind == .decoding && !error.isRetryable)
        #expect(error.request == "GET /x" && error.status == 200)
    }

    @Test func timeoutIsRetriedThenReported() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: FaultInjection(latency: .milliseconds(800)))
        try await withEmulator(emulator) { url async throws in
            let sleeper = RecordingSleeper()
            let error = try await #require(throws: CStarError.self) {
                try await library(url, testConfiguration(sleeper, retries: 1, timeout: .milliseconds(100))).categories()
            }
            #expect(error.kind == .timeout)
            #expect(error.attempts == 2)
            #expect(sleeper.delays.count == 1)
        }
    }

    @Test func networkErrorWhenNothingListens() async throws {
        // Nothing listens on port 1 of the loopback address: the connection is refused.
        let url = URL(string: "http://127.0.0.1:1")!
        let sleeper = RecordingSleeper()
        let error = try await #require(throws: CStarError.self) {
            try await library(url, testConfiguration(sleeper, retries: 2)).categories()
        }
        #expect(error.kind == .network)
        #expect(error.attempts == 3 && sleeper.delays.count == 2)
    }

    /// Waits until the emulator has received `count` requests.
    func waitForRequests(_ emulator: CStarEmulator, _ count: Int) async throws {
        while emulator.recorder.requests < count { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test func cancellationStopsAnInFlightRequest() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: FaultInjection(latency: .seconds(30)))
        try await withEmulator(emulator) { url async throws in
            let client = library(url, testConfiguration())
            let started = ContinuousClock.now
            let task = Task { try await client.categories() }
            try await waitForRequests(emulator, 1)
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            // Far less than the 30 s the server takes to answer.
            #expect(ContinuousClock.now - started < .seconds(20))
            #expect(emulator.recorder.requests == 1)
        }
    }

    @Test func cancellationDuringBackoffStopsRetrying() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: FaultInjection(serverErrorEvery: 1))
        try await withEmulator(emulator) { url async throws in
            let (waiting, signal) = AsyncStream.makeStream(of: Duration.self)
            var configuration = ClientConfiguration(timeout: .seconds(5))
            configuration.sleep = { duration in
                signal.yield(duration)
                try await Task.sleep(for: .seconds(60))
            }
            let client = library(url, configuration)
            let task = Task { try await client.categories() }
            var backoffs = waiting.makeAsyncIterator()
            let backoff = await backoffs.next()
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(backoff.map { $0 >= .milliseconds(500) } == true)
            #expect(emulator.recorder.requests == 1)
        }
    }
}
