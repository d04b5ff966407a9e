import Foundation

/// Why a snapshot could not be read or written.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON's `format` is not `cstar-help-snapshot`.
    case notASnapshot(found: String?)
    case unsupportedVersion(Int, supported: [Int])
    /// The file could not be read, parsed or written: the path and what was wrong.
    case file(path: String, reason: String)
    /// The text is not JSON: where (the file when known, line and column from 1) and why.
    case invalidJSON(path: String?, line: Int, column: Int, reason: String)
    /// The JSON is valid but not an object: what it is instead (`an array`, `a string`, …).
    case notAnObject(found: String)

    public var description: String {
        switch self {
        case .notASnapshot(let found):
            let what = found.map { "its format is '\($0)'" } ?? "it has no \"format\" key"
            return "not a cStar help-center snapshot: \(what), expected '\(Snapshot.format)'"
        case .unsupportedVersion(let version, let supported):
            return "snapshot version \(version) is not supported (this helpcenter reads version "
                + supported.map(String.init).joined(separator: ", ") + "); upgrade helpcenter"
        case .file(let path, let reason):
            return "\(path): \(reason)"
        case .invalidJSON(let path?, let line, let column, let reason):
            return "\(path):\(line):\(column): \(reason)"
        case .invalidJSON(nil, let line, let column, let reason):
            return "invalid JSON at line \(line), column \(column): \(reason)"
        case .notAnObject(let found):
            return "the snapshot must be a JSON object, not \(found)"
        }
    }
}
