import Foundation
import NIOCore
import NIOPosix

extension PreviewServer {
    /// Why the server cannot listen where it was asked to.
    public struct AddressUnavailable: Error, Sendable, CustomStringConvertible {
        public var host: String
        public var port: Int
        /// Another program listens there already.
        public var inUse: Bool
        /// The system's reason.
        public var reason: String

        public var description: String {
            inUse ? "port \(port) on \(host) is already in use" : "cannot listen on port \(port) of \(host): \(reason)"
        }
    }

    /// Listens on `host`:`port` and lets it go at once, so that a caller learns that the address is taken
    /// before it spends time on a build. The port can still be taken between this check and ``run``.
    public static func checkAddress(host: String, port: Int) async throws {
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
            try await channel.close()
        } catch let error as IOError {
            throw AddressUnavailable(host: host, port: port, inUse: error.errnoCode == EADDRINUSE, reason: String(cString: strerror(error.errnoCode)))
        } catch {
            throw AddressUnavailable(host: host, port: port, inUse: false, reason: String(describing: error))
        }
    }
}
