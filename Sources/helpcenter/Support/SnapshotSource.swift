import CStarSnapshot
import Foundation
import HelpCenterResources

/// Where a command reads its snapshot: a file, or the built-in demo.
enum SnapshotSource {
    static func load(_ path: String?) throws -> Snapshot {
        guard let path else { return try DemoHelpCenter.snapshot() }
        return try Snapshot(contentsOf: URL(fileURLWithPath: path))
    }

    static func describe(_ path: String?) -> String { path ?? "the built-in demo help center" }
}
