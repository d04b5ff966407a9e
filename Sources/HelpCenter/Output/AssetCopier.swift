import Foundation

/// Copies the static files of the theme's `public/` folder, then of an overlay folder, into the site.
enum AssetCopier {
    /// Every regular file below `folder`, by path relative to it, in sorted order. Links are followed
    /// only when they lead to a file inside `folder`; others are reported in `skipped`.
    static func files(in folder: URL) throws -> (files: [(path: String, url: URL)], skipped: [String]) {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BuildError.input("the public folder \(folder.path) does not exist")
        }
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isSymbolicLinkKey, .isRegularFileKey]) else {
            return ([], [])
        }
        var files: [(String, URL)] = []
        var skipped: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            let values = try? url.resourceValues(forKeys: [.isSymbolicLinkKey, .isRegularFileKey])
            if values?.isSymbolicLink == true {
                let target = url.resolvingSymlinksInPath().standardizedFileURL
                var targetIsFolder: ObjCBool = false
                if target.path.hasPrefix(prefix),
                    FileManager.default.fileExists(atPath: target.path, isDirectory: &targetIsFolder), !targetIsFolder.boolValue
                {
                    files.append((path, target))
                } else {
                    skipped.append(path)
                }
            } else if values?.isRegularFile == true {
                files.append((path, url))
            }
        }
        return (files.sorted { $0.0 < $1.0 }, skipped)
    }
}
