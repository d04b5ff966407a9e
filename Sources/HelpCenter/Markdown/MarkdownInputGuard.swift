import Foundation

/// Refuses Markdown that would make cmark-gfm 0.29.0.gfm.6 (which predates upstream's 2023 fixes for
/// quadratic-time inputs) take too long; such documents are shown as plain text instead.
enum MarkdownInputGuard {
    /// Why `markdown` should not be parsed, or `nil` when it is safe.
    static func rejection(_ markdown: String, maxBytes: Int) -> String? {
        let size = markdown.utf8.count
        if size > maxBytes {
            return "the document has \(size) bytes, more than the limit of \(maxBytes)"
        }
        return nil
    }
}
