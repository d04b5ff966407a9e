import CStarSnapshot
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder, never half-written: files go into a staging folder beside it, and only when the
/// build has succeeded does the staging folder replace the output (a full build) or do its files move
/// into it (an incremental build, which stages only the files that changed). A failed build leaves
/// the previous site untouched.
struct OutputFolder: Sendable {
    /// The file that marks a folder as written by helpcenter, so a rebuild may replace it.
    static let markerName = ".helpcenter-site"
    static let markerText = "This folder is written by helpcenter and replaced on every build.\n"

    let destination: URL
    let staging: URL

    /// Checks that `destination` may be replaced and creates the staging folder. (That it holds none
    /// of the build's inputs is ``BuildLocations``' check, made before the build reads them.)
    ///
    /// - Parameter force: replace a non-empty folder that helpcenter did not create.
    static func prepare(_ destination: URL, force: Bool) throws -> OutputFolder {
        let destination = destination.standardizedFileURL
        let fileManager = FileManager.default
        try refuseDangerousDestination(destination)
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: destination.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw BuildError.output("\(destination.path) is a file, not a folder; choose another --output")
            }
            let entries = (try? fileManager.contentsOfDirectory(atPath: destination.path)) ?? []
            let ours = entries.contains(markerName)
            if !entries.isEmpty && !ours && !force {
                throw BuildError.output(
                    "refusing to replace \(destination.path): it is not empty and was not written by helpcenter "
                        + "(it has no \(markerName) file); choose another --output, or pass --force to replace it")
            }
        }
        let parent = destination.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildError.output("cannot create \(parent.path): \(FileErrorReason.reason(error))")
        }
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(UUID().uuidString)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw BuildError.output("cannot write in \(parent.path): \(FileErrorReason.reason(error))")
        }
        return OutputFolder(destination: destination, staging: staging)
    }

    /// Replaces the destination with the staging folder.
    func commit() throws {
        let fileManager = FileManager.default
        var previous: URL?
        if fileManager.fileExists(atPath: destination.path) {
            let old = destination.deletingLastPathComponent()
                .appendingPathComponent(".\(destination.lastPathComponent).previous-\(UUID().uuidString)")
            guard rename(destination.path, old.path) == 0 else {
                throw BuildError.output("cannot move the previous site aside: \(String(cString: strerror(errno)))")
            }
            previous = old
        }
        guard rename(staging.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if let previous { _ = rename(previous.path, destination.path) }
            throw BuildError.output("cannot move the new site into place: \(reason)")
        }
        if let previous { Self.removeTree(previous.path) }
    }

    /// Moves the staged files into the destination, each with one rename, then deletes `removed` (paths
    /// the new site no longer has) and the folders they leave empty. Files not staged stay as they are.
    func commitChanges(written: [String], removed: [String]) throws {
        for path in written {
            let target = destination.appendingPathComponent(path)
            try Self.createFolder(of: target, failure: "cannot create the folder of \(path)")
            guard rename(staging.appendingPathComponent(path).path, target.path) == 0 else {
                throw BuildError.output("cannot move \(path) into \(destination.path): \(String(cString: strerror(errno)))")
            }
        }
        for path in removed {
            var url = destination.appendingPathComponent(path)
            guard unlink(url.path) == 0 || errno == ENOENT else { continue }
            // Remove the folders the file leaves empty, up to the site's root.
            while true {
                url = url.deletingLastPathComponent()
                guard url.path.count > destination.path.count, rmdir(url.path) == 0 else { break }
            }
        }
        Self.removeTree(staging.path)
    }

    /// Deletes a folder and everything in it, depth first, without following links: many times faster
    /// than `FileManager.removeItem` for a site of thousands of folders.
    static func removeTree(_ path: String) {
        guard let directory = opendir(path) else {
            unlink(path)
            return
        }
        var children: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            children.append((name, isFolder))
        }
        closedir(directory)
        for child in children {
            if child.isFolder { removeTree(path + "/" + child.name) } else { unlink(path + "/" + child.name) }
        }
        rmdir(path)
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        Self.removeTree(staging.path)
    }

    /// Writes `data` at `path` inside the staging folder, creating folders as needed; returns the stamp
    /// the file keeps when it moves into the destination.
    @discardableResult
    func write(_ data: Data, to path: String) throws -> FileStamp {
        let url = staging.appendingPathComponent(path)
        try Self.createFolder(of: url, failure: "cannot write \(path)")
        try Self.writeFile(data, at: url.path, named: path)
        guard let stamp = FileStamp(path: url.path) else { throw BuildError.output("cannot read back \(path) after writing it") }
        return stamp
    }

    /// Creates the folder `url` goes in. Most pages are alone in a new folder whose parent exists, so
    /// one mkdir(2) is tried first.
    private static func createFolder(of url: URL, failure: String) throws {
        let folder = url.deletingLastPathComponent()
        guard mkdir(folder.path, 0o755) != 0 && errno != EEXIST else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw BuildError.output("\(failure): \(FileErrorReason.reason(error))")
        }
    }

    /// Creates the file with open(2) and write(2): the staging folder is moved into place whole, so the
    /// fsync that `Data.write` does for every file buys nothing here and costs a disk flush per page.
    private static func writeFile(_ data: Data, at path: String, named name: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BuildError.output("cannot write \(name): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw BuildError.output("cannot write \(name): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// The stamp of the destination's file at `path`, when it has one.
    func existingStamp(_ path: String) -> FileStamp? {
        FileStamp(path: destination.appendingPathComponent(path).path)
    }

    /// Never replace the file system root, the home folder, or the working folder or one of its
    /// parents, even with `--force`.
    private static func refuseDangerousDestination(_ destination: URL) throws {
        let path = RealPath.of(destination)
        let working = RealPath.of(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let home = RealPath.of(FileManager.default.homeDirectoryForCurrentUser)
        if path == "/" || path == home || RealPath.isWithin(working, path) {
            throw BuildError.output("refusing to use \(destination.path) as the output folder: it holds the working folder or your home")
        }
    }
}

/// Why a build failed.
public enum BuildError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The output folder cannot be used or written.
    case output(String)
    /// An input (snapshot, public folder) cannot be read.
    case input(String)

    public var description: String {
        switch self {
        case .output(let message), .input(let message): message
        }
    }
}
