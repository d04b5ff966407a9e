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

    /// Checks that `destination` may be replaced and creates the staging folder.
    ///
    /// - Parameters:
    ///   - force: replace a non-empty folder that helpcenter did not create.
    ///   - inputs: folders and files the build reads; the output may never contain them.
    static func prepare(_ destination: URL, force: Bool, inputs: [URL]) throws -> OutputFolder {
        let destination = destination.standardizedFileURL
        let fileManager = FileManager.default
        try refuseDangerousDestination(destination, inputs: inputs)
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
            throw BuildError.output("cannot create \(parent.path): \((error as NSError).localizedDescription)")
        }
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(UUID().uuidString)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw BuildError.output("cannot write in \(parent.path): \((error as NSError).localizedDescription)")
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
        if let previous { try? fileManager.removeItem(at: previous) }
    }

    /// Moves the staged files into the destination, each with one rename, then deletes `removed` (paths
    /// the new site no longer has) and the folders they leave empty. Files not staged stay as they are.
    func commitChanges(written: [String], removed: [String]) throws {
        let fileManager = FileManager.default
        for path in written {
            let target = destination.appendingPathComponent(path)
            do {
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw BuildError.output("cannot create the folder of \(path): \((error as NSError).localizedDescription)")
            }
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
        try? fileManager.removeItem(at: staging)
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Writes `data` at `path` inside the staging folder, creating folders as needed; returns the stamp
    /// the file keeps when it moves into the destination.
    @discardableResult
    func write(_ data: Data, to path: String) throws -> FileStamp {
        let url = staging.appendingPathComponent(path)
        do {
            // Most pages are alone in a new folder whose parent exists: one mkdir(2) is enough.
            let folder = url.deletingLastPathComponent()
            if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            try data.write(to: url)
        } catch {
            throw BuildError.output("cannot write \(path): \((error as NSError).localizedDescription)")
        }
        guard let stamp = FileStamp(path: url.path) else { throw BuildError.output("cannot read back \(path) after writing it") }
        return stamp
    }

    /// The stamp of the destination's file at `path`, when it has one.
    func existingStamp(_ path: String) -> FileStamp? {
        FileStamp(path: destination.appendingPathComponent(path).path)
    }

    /// Never replace the file system root, the home folder, the working folder or one of its parents,
    /// or a folder holding the build's own inputs, even with `--force`.
    private static func refuseDangerousDestination(_ destination: URL, inputs: [URL]) throws {
        let path = destination.resolvingSymlinksInPath().path
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().path
        func contains(_ folder: String, _ other: String) -> Bool {
            folder == other || other.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        if path == "/" || path == home || contains(path, working) {
            throw BuildError.output("refusing to use \(destination.path) as the output folder: it holds the working folder or your home")
        }
        for input in inputs where contains(path, input.standardizedFileURL.resolvingSymlinksInPath().path) {
            throw BuildError.output("refusing to use \(destination.path) as the output folder: it holds the build input \(input.path)")
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
