import Foundation

/// Finds the files that ship with helpcenter (`Templates/`, `public/`, `Demo/`) without crashing when
/// they are missing.
///
/// They are looked up in the resource bundle beside the executable, as `swift build` lays it out, then
/// in this package's source tree (for tools that embed the package).
enum BundledResources {
    static let bundleName = "helpcenter_HelpCenterResources"

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The URL of `path` (e.g. `Templates`), or an error listing where it was looked for.
    static func url(_ path: String) throws -> URL {
        let folder = Bundle.main.bundleURL
        let candidates = [
            folder.appendingPathComponent("\(bundleName).resources"),
            folder.appendingPathComponent("\(bundleName).bundle/Contents/Resources"),
            folder.appendingPathComponent("\(bundleName).bundle"),
            packageRoot,
        ].map { $0.appendingPathComponent(path) }
        if let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return url }
        throw MissingResource(path: path, searched: candidates.map(\.path))
    }
}

/// A file that should ship with helpcenter is not where it should be.
public struct MissingResource: Error, CustomStringConvertible {
    public let path: String
    public let searched: [String]
    public var description: String {
        "helpcenter's built-in '\(path)' is missing; looked in " + searched.joined(separator: ", ")
    }
}
