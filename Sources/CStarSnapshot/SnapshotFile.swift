import CStar
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Snapshot {
    /// Decodes a snapshot from JSON data. Text that is not JSON throws ``SnapshotError/invalidJSON(path:line:column:reason:)``,
    /// JSON that is not an object ``SnapshotError/notAnObject(found:)``.
    public init(data: Data) throws {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: data)
        } catch let error as JSONParseError {
            // JSONDecoder also reads what the fast parser does not (UTF-16, a byte order mark).
            guard let snapshot = try? JSONDecoder().decode(Snapshot.self, from: data) else {
                throw SnapshotError.invalidJSON(path: nil, line: error.line, column: error.column, reason: error.reason)
            }
            self = snapshot
            return
        }
        guard case .object(let root) = value else { throw SnapshotError.notAnObject(found: value.kindDescription) }
        if let snapshot = try? Snapshot(parsing: root) {
            self = snapshot
        } else {
            self = try JSONDecoder().decode(Snapshot.self, from: data)
        }
    }

    /// Reads a snapshot file, with an error that names the file and, for bad content, the JSON path.
    public init(contentsOf url: URL) throws {
        try self.init(data: Self.fileData(at: url), path: url.path)
    }

    /// The bytes of the snapshot file at `url`, with an error that names the file.
    public static func fileData(at url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SnapshotError.file(path: url.path, reason: "cannot read the file (\(reason(error)))")
        }
    }

    /// Decodes the snapshot file at `path` from its bytes, with an error that names the file and, for
    /// bad content, the JSON path.
    public init(data: Data, path: String) throws {
        do {
            self = try Snapshot(data: data)
        } catch SnapshotError.invalidJSON(nil, let line, let column, let reason) {
            throw SnapshotError.invalidJSON(path: path, line: line, column: column, reason: reason)
        } catch let error as SnapshotError {
            throw SnapshotError.file(path: path, reason: error.description)
        } catch {
            throw SnapshotError.file(path: path, reason: DecodingErrorDescription.describe(error))
        }
    }

    /// The snapshot as JSON: sorted keys, indented, so the same content always gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Writes the snapshot atomically: a reader sees the old file or the new one, never a partial file.
    public func write(to url: URL) throws {
        let data: Data
        do {
            data = try encoded()
        } catch {
            throw SnapshotError.file(path: url.path, reason: "cannot encode the snapshot (\(error))")
        }
        try AtomicFile.write(data, to: url)
    }

    static func reason(_ error: any Error) -> String {
        FileErrorReason.reason(error)
    }
}

/// Writes a file through a temporary file in the same folder and a rename.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw SnapshotError.file(path: url.path, reason: "the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces the destination atomically.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedFailureReasonErrorKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SnapshotError.file(path: url.path, reason: "cannot write the file (\(Snapshot.reason(error)))")
        }
    }
}
