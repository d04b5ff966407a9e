import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The path a file system location really has: relative to the working folder, with every symbolic
/// link and `..` resolved the way the kernel resolves them, also for a path whose last parts do not
/// exist yet (a report or slug history the build is about to create).
enum RealPath {
    static func of(_ url: URL) -> String {
        var path = url.path
        if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
        var resolved = "/"
        let parts = path.split(separator: "/").map(String.init)
        var index = 0
        var exists = true
        while index < parts.count {
            let part = parts[index]
            index += 1
            switch part {
            case ".":
                continue
            case "..":
                resolved = parent(of: resolved)
            default:
                let candidate = resolved == "/" ? "/" + part : resolved + "/" + part
                guard exists, let real = realpath(candidate, nil) else {
                    // Nothing of that name yet: the rest is taken as written.
                    exists = false
                    resolved = candidate
                    continue
                }
                resolved = String(cString: real)
                free(real)
            }
        }
        return resolved
    }

    /// Whether `inner` is `outer` or lies inside it.
    static func isWithin(_ inner: String, _ outer: String) -> Bool {
        inner == outer || outer == "/" || inner.hasPrefix(outer + "/")
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
