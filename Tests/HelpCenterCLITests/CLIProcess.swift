import Foundation
import TestSupport

/// The `helpcenter` executable built beside the tests, run as a child process.
enum CLI {
    static var executable: URL {
        Bundle.main.bundleURL.appendingPathComponent("helpcenter")
    }

    /// Variables that change what `helpcenter` prints or fetches; a test sets them only on purpose.
    static let behaviourVariables = ["GITHUB_ACTIONS", "NO_COLOR", "CSTAR_TEAM", "CSTAR_BASE_URL"]

    /// Runs `helpcenter` with `arguments` to completion, with `environment` added to this process's
    /// (without ``behaviourVariables`` unless given).
    /// With `through`, runs that command line instead (which runs `helpcenter` itself); with `input`,
    /// writes it to standard input.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], through wrapper: [String]? = nil,
        input: Data? = nil, timeout: Duration = .seconds(120)
    ) async throws -> ChildProcess.Result {
        var variables = ProcessInfo.processInfo.environment
        for name in behaviourVariables { variables[name] = nil }
        variables.merge(environment) { _, new in new }
        if let wrapper {
            return try await ChildProcess.run(
                URL(fileURLWithPath: "/usr/bin/env"), wrapper, environment: variables, timeout: timeout)
        }
        return try await ChildProcess.run(executable, arguments, input: input, environment: variables, timeout: timeout)
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
