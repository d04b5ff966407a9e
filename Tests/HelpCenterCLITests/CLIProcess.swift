import Foundation

/// The `helpcenter` executable built beside the tests, run as a child process.
enum CLI {
    static var executable: URL {
        Bundle.main.bundleURL.appendingPathComponent("helpcenter")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `helpcenter` with `arguments` to completion.
    static func run(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = Task.detached { out.fileHandleForReading.readDataToEndOfFile() }
        let stderr = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                throw CLIError.timedOut(arguments)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: await stdout.value, as: UTF8.self),
            stderr: String(decoding: await stderr.value, as: UTF8.self))
    }

    /// Starts `helpcenter emulate` on a free port and returns it with its base URL once it listens.
    static func startEmulator(_ arguments: [String] = []) async throws -> (Process, URL) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["emulate", "--port", "0", "--quiet"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let firstLine = Task.detached { () -> String in
            var data = Data()
            while !data.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return String(decoding: data, as: UTF8.self)
        }
        let line = await firstLine.value
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
    case timedOut([String])
    case emulatorDidNotStart(String)
}
