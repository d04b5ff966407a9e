import Foundation
import TestSupport

/// The `helpcenter` executable built beside the tests, run as a child process.
enum CLI {
    static var executable: URL {
        Bundle.main.bundleURL.appendingPathComponent("helpcenter")
    }

    /// Runs `helpcenter` with `arguments` to completion.
    static func run(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> ChildProcess.Result {
        try await ChildProcess.run(executable, arguments, timeout: timeout)
    }

    /// Starts `helpcenter emulate` on a free port and returns it with its base URL once it listens.
    static func startEmulator(_ arguments: [String] = []) async throws -> (Process, URL) {
        let (process, line) = try await ChildProcess.start(
            executable, ["emulate", "--port", "0", "--quiet"] + arguments, waitingFor: "Serving team")
        guard let range = line.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression),
            let url = URL(string: String(line[range]))
        else {
            process.terminate()
            throw CLIError.emulatorDidNotStart(line)
        }
        return (process, url)
    }
}

enum CLIError: Error {
    case emulatorDidNotStart(String)
}
