import CStar
import Foundation

/// Snapshot files as the CLI tests compare them.
enum SnapshotJSON {
    /// The snapshot file at `url` as JSON, without the two keys that name when and where it was fetched.
    static func comparable(_ url: URL) throws -> JSONValue {
        var json = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url)).objectValue ?? [:]
        json["fetchedAt"] = nil
        json["baseUrl"] = nil
        return .object(json)
    }
}
