import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Low-level HTTP for tests: a request sent exactly as written (URLSession would clean up `..`), and
/// a reader of a streaming response such as server-sent events. Blocking work runs on its own thread.
public enum HTTPProbe {
    /// An answer: the status code, the header fields (names lowercased) and the body.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
    }

    /// Sends `GET target` to 127.0.0.1:`port` as is and returns the status code and the body.
    public static func rawGET(port: Int, target: String) async throws -> (status: Int, body: String) {
        let answer = try await request(port: port, target: target)
        return (answer.status, answer.body)
    }

    /// Sends `method target` to 127.0.0.1:`port` as is and returns the answer.
    public static func request(_ method: String = "GET", port: Int, target: String) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try blockingRequest(method, port: port, target: target) })
            }.start()
        }
    }

    struct ProbeError: Error, CustomStringConvertible {
        var description: String
    }

    static func blockingRequest(_ method: String, port: Int, target: String) throws -> Answer {
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        let text = try blockingExchange(port: port, chunks: [request])
        guard let status = status(of: text), let end = text.range(of: "\r\n\r\n") else {
            throw ProbeError(description: "no HTTP response to \(method) \(target): \(text.prefix(200))")
        }
        var headers: [String: String] = [:]
        for line in text[..<end.lowerBound].split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: headers, body: method == "HEAD" ? "" : String(text[end.upperBound...]))
    }

    /// Sends `chunks` to 127.0.0.1:`port` as they are, waiting `pause` between them, and returns all the
    /// server wrote back until it closed the connection (or `timeout` passed without a byte).
    public static func exchange(
        port: Int, chunks: [[UInt8]], pause: Duration = .zero, timeout: Duration = .seconds(10)
    ) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try blockingExchange(port: port, chunks: chunks, pause: pause, timeout: timeout)
                })
            }.start()
        }
    }

    /// The status code of an HTTP response's first line, if `text` starts with one.
    public static func status(of text: String) -> Int? {
        guard text.hasPrefix("HTTP/"), let line = text.split(separator: "\r\n").first else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    static func blockingExchange(
        port: Int, chunks: [[UInt8]], pause: Duration = .zero, timeout: Duration = .seconds(10)
    ) throws -> String {
        let socket = try connected(port: port, timeout: timeout)
        defer { close(socket) }
        let pauseSeconds = Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18
        for (index, chunk) in chunks.enumerated() {
            if index > 0, pauseSeconds > 0 { Thread.sleep(forTimeInterval: pauseSeconds) }
            // MSG_NOSIGNAL: a server that closed the connection is an answer, not a reason to die.
            guard send(socket, chunk, chunk.count, Int32(MSG_NOSIGNAL)) == chunk.count else { break }
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// A socket connected to 127.0.0.1:`port`, whose reads give up after `timeout`.
    public static func connected(port: Int, timeout: Duration = .seconds(10)) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ProbeError(description: "socket() failed") }
        var time = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw ProbeError(description: "cannot connect to port \(port)")
        }
        return socket
    }
}

/// Reads a streaming response (e.g. `text/event-stream`) as it arrives.
public final class StreamReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let received = Mutex("")
    private var session: URLSession!
    private var task: URLSessionDataTask?

    public init(url: URL) {
        super.init()
        session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
        task = session.dataTask(with: url)
        task?.resume()
    }

    public var text: String { received.withLock { $0 } }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        received.withLock { $0 += String(decoding: data, as: UTF8.self) }
    }

    /// Waits until the text received so far contains `needle` `count` times.
    public func wait(for needle: String, count: Int = 1, timeout: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if text.components(separatedBy: needle).count - 1 >= count { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    public func cancel() {
        task?.cancel()
        session.invalidateAndCancel()
    }
}
