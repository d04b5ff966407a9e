import Foundation

/// Notices changes to files and folders by polling their sizes and modification times: simple, and the
/// same on every platform and file system (editors that save by renaming included).
struct ChangeWatcher: Sendable {
    let paths: [URL]

    /// Every file and folder under the watched paths, with its size, modification time and whether it
    /// is a folder (1) or not (0).
    func fingerprint() -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        let manager = FileManager.default
        for root in paths {
            var files = [root.path]
            if let enumerator = manager.enumerator(atPath: root.path) {
                while let relative = enumerator.nextObject() as? String { files.append(root.path + "/" + relative) }
            }
            for path in files {
                guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
                let size = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let isFolder = (attributes[.type] as? FileAttributeType) == .typeDirectory
                result[path] = [size, modified, isFolder ? 1 : 0]
            }
        }
        return result
    }

    /// The paths added, removed or changed between two fingerprints, sorted: the files, or when only
    /// folders changed, the folders (a folder changes with every file saved into it).
    static func changes(from old: [String: [Double]], to new: [String: [Double]]) -> [String] {
        let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
        let files = changed.filter { (new[$0] ?? old[$0])?.last != 1 }
        return (files.isEmpty ? changed : files).sorted()
    }
}
