import Foundation

/// Runs a program as a child process without blocking Swift's cooperative threads: pipes are read and
/// the exit is awaited on threads of their own, so many tests can run processes at once.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public var command: [String]
        public var description: String { "timed out: \(command.joined(separator: " "))" }
    }

    /// Runs `executable` with `arguments` (and `input` on standard input) to completion, in
    /// `environment` when given (else this process's).
    public static func run(
        _ executable: URL, _ arguments: [String], input: Data? = nil, environment: [String: String]? = nil,
        timeout: Duration = .seconds(120)
    ) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        let exited = Signal()
        process.terminationHandler = { _ in exited.fire() }
        try process.run()
        let out = readAll(stdout.fileHandleForReading)
        let err = readAll(stderr.fileHandleForReading)
        if let input {
            Thread.detachNewThread {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let timedOut = Signal()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            timedOut.fire()
            process.terminate()
        }
        await exited.wait()
        watchdog.cancel()
        let result = Result(
            status: process.terminationStatus, stdout: String(decoding: await out.wait(), as: UTF8.self),
            stderr: String(decoding: await err.wait(), as: UTF8.self))
        if timedOut.hasFired { throw TimedOut(command: [executable.path] + arguments) }
        return result
    }

    /// Starts `executable` (in `directory`, when given) and returns it once a line of its standard
    /// output contains `marker`, with that line. Standard error goes to the file `errors` (created),
    /// or is discarded.
    public static func start(
        _ executable: URL, _ arguments: [String], waitingFor marker: String, in directory: URL? = nil, errors: URL? = nil
    ) async throws -> (process: Process, line: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe()
        process.standardOutput = stdout
        if let errors {
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let line = Collected()
        Thread.detachNewThread {
            var data = Data()
            while true {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
                let text = String(decoding: data, as: UTF8.self)
                if let found = text.split(separator: "\n").first(where: { $0.contains(marker) }) {
                    line.finish(Data(found.utf8))
                    // Keep draining so the child never blocks on a full pipe.
                    while !stdout.fileHandleForReading.availableData.isEmpty {}
                    return
                }
            }
            line.finish(Data())
        }
        let text = String(decoding: await line.wait(), as: UTF8.self)
        guard !text.isEmpty else {
            process.terminate()
            throw TimedOut(command: [executable.path] + arguments)
        }
        return (process, text)
    }

    private static func readAll(_ handle: FileHandle) -> Collected {
        let collected = Collected()
        Thread.detachNewThread { collected.finish(handle.readDataToEndOfFile()) }
        return collected
    }
}

/// A one-shot event that threads fire and tasks await.
final class Signal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    var hasFired: Bool { lock.withLock { fired } }

    func fire() {
        let waiting = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            fired = true
            defer { waiters = [] }
            return waiters
        }
        for waiter in waiting { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let ready = lock.withLock { () -> Bool in
                if fired { return true }
                waiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }
}

/// Data produced once by a thread and awaited by a task.
final class Collected: @unchecked Sendable {
    private let signal = Signal()
    private let lock = NSLock()
    private var data = Data()

    func finish(_ data: Data) {
        lock.withLock { self.data = data }
        signal.fire()
    }

    func wait() async -> Data {
        await signal.wait()
        return lock.withLock { data }
    }
}
