import Foundation

/// Refuses Markdown that would make cmark-gfm 0.29.0.gfm.6 (which predates upstream's 2023 fixes for
/// quadratic-time inputs) take too long; such documents are shown as plain text instead.
///
/// Measured with the `cmark-gfm` command here: a table with 2,000 columns and 2,000 rows did not finish
/// in 20 s, while 200,000 cells took about 1 s with 2,000 columns and 0.15 s with 200. Other shapes
/// known to be slow in cmark (runs of `[`, `![`, `<`, backticks, emphasis, nested quotes and lists)
/// stayed under 0.2 s for 100 KB here; their size is bounded by the byte limit.
enum MarkdownInputGuard {
    /// The most columns a table may have.
    static let maxTableColumns = 500
    /// The most cells (columns × rows) one table may have.
    static let maxTableCells = 100_000

    /// Why `markdown` should not be parsed, or `nil` when it is safe.
    static func rejection(_ markdown: String, maxBytes: Int) -> String? {
        let size = markdown.utf8.count
        if size > maxBytes {
            return "the document has \(size) bytes, more than the limit of \(maxBytes)"
        }
        return tableRejection(markdown)
    }

    /// Finds table delimiter rows (`| --- | :-: |`) and checks the size of the table below each.
    private static func tableRejection(_ markdown: String) -> String? {
        guard markdown.contains("-") && markdown.contains("|") else { return nil }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            guard let columns = delimiterColumns(lines[index]) else {
                index += 1
                continue
            }
            if columns > maxTableColumns {
                return "a table has \(columns) columns, more than the limit of \(maxTableColumns)"
            }
            var rows = 0
            index += 1
            while index < lines.count, !lines[index].allSatisfy(\.isWhitespace) {
                rows += 1
                index += 1
            }
            if columns * rows > maxTableCells {
                return "a table has \(columns) columns and \(rows) rows, more than the limit of \(maxTableCells) cells"
            }
        }
        return nil
    }

    /// The number of columns when `line` is a table delimiter row, else `nil`.
    static func delimiterColumns(_ line: Substring) -> Int? {
        var trimmed = line.trimmingCharacters(in: .whitespaces)[...]
        guard trimmed.contains("-") else { return nil }
        if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("|") { trimmed = trimmed.dropLast() }
        let cells = trimmed.split(separator: "|", omittingEmptySubsequences: false)
        for cell in cells {
            let content = cell.trimmingCharacters(in: .whitespaces)
            let dashes = content.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
        }
        return cells.count > 1 || line.contains("|") ? cells.count : nil
    }
}
