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
    /// Sends `GET target` to 127.0.0.1:`port` as is and returns the status code and the body.
    public static func rawGET(port: Int, target: String) async throws -> (status: Int, body: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try blockingGET(port: port, target: target) })
            }.start()
        }
    }

    struct ProbeError: Error, CustomStringConvertible {
        var description: String
    }

    static func blockingGET(port: Int, target: String) throws -> (status: Int, body: String) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ProbeError(description: "socket() failed") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ProbeError(description: "cannot connect to port \(port)") }
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else { throw ProbeError(description: "send failed") }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let statusLine = text.split(separator: "\r\n").first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw ProbeError(description: "no HTTP response to \(target): \(text.prefix(200))")
        }
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
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
