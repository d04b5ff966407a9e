import CStarSnapshot
import Foundation

/// The built-in demo help center: Quillpad, a fictional notes app, with a knowledge base and a community.
public enum DemoHelpCenter {
    static let resourceName = "demo-snapshot.json"

    /// The demo snapshot's file: in the resource bundle beside the executable (as `swift build` lays it
    /// out), or in this package's source tree. Throws rather than crashing when neither is there.
    public static func url() throws -> URL {
        let executableFolder = Bundle.main.bundleURL
        let candidates = [
            executableFolder.appendingPathComponent("helpcenter_HelpCenterDemo.resources"),
            executableFolder.appendingPathComponent("helpcenter_HelpCenterDemo.bundle/Contents/Resources"),
            executableFolder.appendingPathComponent("helpcenter_HelpCenterDemo.bundle"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"),
        ].map { $0.appendingPathComponent(resourceName) }
        if let url = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0.path) }) { return url }
        throw SnapshotError.file(
            path: resourceName,
            reason: "the built-in demo snapshot is missing; looked in " + candidates.map(\.path).joined(separator: ", "))
    }

    /// The demo snapshot.
    public static func snapshot() throws -> Snapshot {
        try Snapshot(contentsOf: url())
    }
}
