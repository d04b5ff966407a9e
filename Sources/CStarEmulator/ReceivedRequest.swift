import Foundation

/// One request as the emulator received it.
public struct ReceivedRequest: Sendable, Hashable {
    public var method: String
    /// The path with its query, as sent.
    public var uri: String
    /// Header values by lowercase name.
    public var headers: [String: String]

    public init(method: String, uri: String, headers: [String: String]) {
        self.method = method
        self.uri = uri
        self.headers = headers
    }

    /// `GET /api/library/acme/categories`.
    public var line: String { "\(method) \(uri)" }

    /// A header's value, by any spelling of its name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
