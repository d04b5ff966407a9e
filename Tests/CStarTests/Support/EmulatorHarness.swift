import CStar
import CStarEmulator
import CStarSnapshot
import Foundation

/// Runs `body` against `emulator` started in-process on an ephemeral loopback port.
func withEmulator<T>(_ emulator: CStarEmulator, _ body: (URL) async throws -> T) async throws -> T {
    try await emulator.withServer(body)
}

/// Records every wait the SDK asks for and returns at once, so retry tests take milliseconds.
final class RecordingSleeper: @unchecked Sendable {
    private let lock = NSLock()
    private var _delays: [Duration] = []

    var delays: [Duration] { lock.withLock { _delays } }

    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in
            lock.withLock { _delays.append(duration) }
            try Task.checkCancellation()
        }
    }
}

/// A client configuration that records waits instead of sleeping and uses fixed jitter.
func testConfiguration(
    _ sleeper: RecordingSleeper = RecordingSleeper(), retries: Int = 3, timeout: Duration = .seconds(10),
    random: Double = 0.5
) -> ClientConfiguration {
    var configuration = ClientConfiguration(timeout: timeout, sleep: sleeper.sleep, random: { random })
    configuration.retry.maxRetries = retries
    return configuration
}
