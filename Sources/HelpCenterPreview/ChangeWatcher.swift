import Foundation

/// Notices changes to files and folders by polling their sizes and modification times: simple, and the
/// same on every platform and file system (editors that save by renaming included).
struct ChangeWatcher: Sendable {
    let paths: [URL]

    /// Every file under the watched paths, with its size and modification time.
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
                result[path] = [size, modified]
            }
        }
        return result
    }
}
