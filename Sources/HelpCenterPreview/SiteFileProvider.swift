import Foundation
import Hummingbird
import NIOCore
import NIOPosix

/// Serves files from a site folder, and nothing outside it: a path whose real location (after every
/// symbolic link) leaves the folder is reported missing. HTML pages get the live-reload script.
struct SiteFileProvider: FileProvider {
    struct FileAttributes: Sendable, FileMiddlewareFileAttributes {
        var isFolder: Bool
        var size: Int
        var modificationDate: Date
    }

    struct FileIdentifier: Sendable {
        var path: String
        /// Bytes added to an HTML page; zero for every other file.
        var injected: Int
    }

    let root: String
    let script: String

    init(root: URL, script: String) {
        self.root = root.standardizedFileURL.path
        self.script = script
    }

    func getFileIdentifier(_ path: String) -> FileIdentifier? {
        guard let resolved = confined(path) else { return nil }
        return FileIdentifier(path: resolved, injected: resolved.hasSuffix(".html") ? script.utf8.count : 0)
    }

    /// The real path of `path` under the root, or nil when it is missing or leads outside.
    func confined(_ path: String) -> String? {
        guard !path.contains("\0"), let base = realPath(root) else { return nil }
        let candidate = base + "/" + path.drop { $0 == "/" }
        guard let real = realPath(candidate), real == base || real.hasPrefix(base + "/") else { return nil }
        return real
    }

    /// Whether `path` is a folder of the site.
    func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard let real = confined(path) else { return false }
        return FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func getAttributes(id: FileIdentifier) async throws -> FileAttributes? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: id.path) else { return nil }
        let isFolder = (attributes[.type] as? FileAttributeType) == .typeDirectory
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return .init(isFolder: isFolder, size: size + id.injected, modificationDate: attributes[.modificationDate] as? Date ?? Date())
    }

    func loadFile(id: FileIdentifier, context: some RequestContext) async throws -> ResponseBody {
        .init(byteBuffer: try contents(id))
    }

    func loadFile(id: FileIdentifier, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        let buffer = try contents(id)
        let upper = min(range.upperBound, buffer.readableBytes - 1)
        guard range.lowerBound <= upper, let slice = buffer.getSlice(at: range.lowerBound, length: upper - range.lowerBound + 1) else {
            throw HTTPError(.rangeNotSatisfiable)
        }
        return .init(byteBuffer: slice)
    }

    /// The file's bytes, with the script before `</body>` in an HTML page.
    func contents(_ id: FileIdentifier) throws -> ByteBuffer {
        var data = try Data(contentsOf: URL(fileURLWithPath: id.path))
        if id.injected > 0 {
            let marker = Data("</body>".utf8)
            let position = data.range(of: marker, options: .backwards)?.lowerBound ?? data.endIndex
            data.insert(contentsOf: Data(script.utf8), at: position)
        }
        return ByteBuffer(bytes: data)
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
