import CStarSnapshot
import Foundation

/// The built-in demo help center: Quillpad, a fictional notes app, with a knowledge base and a community.
public enum DemoHelpCenter {
    /// The demo snapshot's file (`Demo/quillpad.json`).
    public static func url() throws -> URL {
        try BundledResources.url("Demo/quillpad.json")
    }

    /// The demo snapshot.
    public static func snapshot() throws -> Snapshot {
        try Snapshot(contentsOf: url())
    }
}
