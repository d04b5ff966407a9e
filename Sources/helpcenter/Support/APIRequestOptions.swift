import ArgumentParser
import CStar
import CStarSnapshot
import Foundation

/// How the cStar API is asked for a team's content: shared by `snapshot`, `build` and `serve`.
struct APIRequestOptions: ParsableArguments {
    @Option(help: "Requests to the API in flight at once.")
    var concurrency = 8

    @Option(help: "Seconds one API request may take before it counts as a timeout.")
    var timeout = 30.0

    @Option(help: "Retries of a failed API request (network errors, timeouts, malformed answers, 5xx, 429).")
    var retries = 3

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1.") }
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be between 0 and 86400 seconds, not \(timeout).") }
        guard retries >= 0 else { throw ValidationError("--retries must not be negative.") }
    }

    /// A fetcher of `team` from the API at `baseURL` with these settings; `onRetry` hears of every retry.
    func fetcher(team: String, baseURL: URL, onRetry: (@Sendable (RetryEvent) -> Void)? = nil) -> SnapshotFetcher {
        var configuration = ClientConfiguration(timeout: .milliseconds(Int64(timeout * 1000)), onRetry: onRetry)
        configuration.retry.maxRetries = retries
        return SnapshotFetcher(
            library: LibraryClient(teamSlug: team, baseURL: baseURL, configuration: configuration),
            community: CommunityClient(teamSlug: team, baseURL: baseURL, configuration: configuration),
            concurrency: concurrency)
    }
}
