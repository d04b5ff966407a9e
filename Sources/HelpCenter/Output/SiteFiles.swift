import Foundation

/// The files of the site being built: what each one was made from, and which ones this build wrote.
/// A file whose bytes (or, for a page, whose fingerprint) match the last build's, and which is still on
/// disk as that build left it, is kept instead of written.
struct SiteFiles {
    let previous: BuildCache?
    let output: OutputFolder
    private(set) var entries: [String: BuildCache.Entry] = [:]
    /// Paths written into the staging folder, in the order they were written.
    private(set) var written: [String] = []
    private(set) var bytes = 0

    init(previous: BuildCache?, output: OutputFolder) {
        self.previous = previous
        self.output = output
    }

    var kept: Int { entries.count - written.count }

    /// The previous build's files that this build does not have.
    var removed: [String] {
        (previous?.files.keys.filter { entries[$0] == nil } ?? []).sorted()
    }

    /// A file other than a page: written unless the site already has exactly these bytes at `path`.
    mutating func emit(_ path: String, _ data: Data) throws {
        let hash = StableHasher.hash(data)
        if let entry = previous?.files[path], entry.page == nil, entry.hash == hash, output.existingStamp(path) == entry.stamp {
            entries[path] = entry
        } else {
            entries[path] = BuildCache.Entry(stamp: try output.write(data, to: path), hash: hash)
            written.append(path)
        }
        bytes += data.count
    }

    /// Keeps the previous build's files at `paths` when every one is still as that build left it;
    /// otherwise keeps none and returns false.
    mutating func keepAll(_ paths: [String]) -> Bool {
        let kept = paths.compactMap { path in
            previous?.files[path].flatMap { output.existingStamp(path) == $0.stamp ? (path, $0) : nil }
        }
        guard !paths.isEmpty, kept.count == paths.count else { return false }
        for (path, entry) in kept {
            entries[path] = entry
            bytes += Int(entry.stamp.size)
        }
        return true
    }

    /// Records a page the page phase rendered or kept.
    mutating func add(_ path: String, _ entry: BuildCache.Entry, written isWritten: Bool) {
        entries[path] = entry
        if isWritten { written.append(path) }
        bytes += Int(entry.stamp.size)
    }
}
