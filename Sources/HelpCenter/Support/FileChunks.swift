import Foundation

/// Reading a file a chunk at a time, without holding all of it.
enum FileChunks {
    /// Calls `body` with each chunk of the file at `path` (`size` bytes, the last one shorter), in
    /// order; false when the file cannot be opened or read.
    static func read(_ path: String, size: Int, _ body: (Data) -> Void) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: size) } catch { return false }
            // At the end, Foundation answers nil on some platforms and empty data on others.
            guard let chunk, !chunk.isEmpty else { return true }
            body(chunk)
        }
    }
}
