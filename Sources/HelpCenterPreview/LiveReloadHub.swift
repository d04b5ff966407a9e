import Foundation
import Hummingbird
import NIOCore

/// Tells connected browsers, over server-sent events, that the site was rebuilt (`reload`) or that a
/// rebuild failed (`problem`, with the message).
public actor LiveReloadHub {
    public enum Event: Sendable, Equatable {
        case reload(build: Int)
        case problem(String)
        /// A comment that keeps the connection alive, so a closed one is noticed.
        case keepAlive

        /// The event in the `text/event-stream` format.
        var text: String {
            switch self {
            case .reload(let build): "event: reload\ndata: \(build)\n\n"
            case .keepAlive: ": keep-alive\n\n"
            case .problem(let message):
                "event: problem\n" + message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
            }
        }
    }

    private var clients: [UUID: AsyncStream<Event>.Continuation] = [:]
    /// The last failure, sent to clients that connect while the site is broken.
    private var problem: String?

    public init() {}

    public var clientCount: Int { clients.count }

    public func publish(_ event: Event) {
        switch event {
        case .problem(let message): problem = message
        case .reload: problem = nil
        case .keepAlive: break
        }
        for client in clients.values { client.yield(event) }
    }

    private var closed = false

    /// Ends every event stream, and any opened later: open pages must not hold up the server's shutdown.
    public func close() {
        closed = true
        for client in clients.values { client.finish() }
        clients.removeAll()
    }

    func subscribe() -> (UUID, AsyncStream<Event>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(8))
        guard !closed else {
            continuation.finish()
            return (id, stream)
        }
        clients[id] = continuation
        if let problem { continuation.yield(.problem(problem)) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        clients.removeValue(forKey: id)?.finish()
    }

    /// Sends ``Event/keepAlive`` every `interval` until cancelled.
    public func keepAlive(every interval: Duration = .seconds(15)) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            publish(.keepAlive)
        }
    }

    /// The response for an `EventSource`: events as they come.
    func response() -> Response {
        let (id, events) = subscribe()
        let body = ResponseBody { writer in
            defer { Task { await self.unsubscribe(id) } }
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            for await event in events {
                try await writer.write(ByteBuffer(string: event.text))
            }
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: body)
    }
}
