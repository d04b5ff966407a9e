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
    /// The deepest the parsed elements may nest (lists in quotes in lists, emphasis in links, …).
    /// Browsers take seconds to lay out thousands of nested elements, and their HTML parsers flatten
    /// anything past 512; real help articles stay far below this.
    static let maxDepth = 100

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
        var markdown = markdown
        return markdown.withUTF8 { bytes -> String? in
            guard bytes.contains(UInt8(ascii: "|")) else { return nil }
            var lines: [Range<Int>] = []
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x0A {
                lines.append(start..<index)
                start = index + 1
            }
            lines.append(start..<bytes.count)
            var index = 0
            while index < lines.count {
                guard let columns = delimiterColumns(UnsafeBufferPointer(rebasing: bytes[lines[index]])) else {
                    index += 1
                    continue
                }
                if columns > maxTableColumns {
                    return "a table has \(columns) columns, more than the limit of \(maxTableColumns)"
                }
                var rows = 0
                index += 1
                while index < lines.count, bytes[lines[index]].contains(where: { !isBlank($0) }) {
                    rows += 1
                    index += 1
                }
                if columns * rows > maxTableCells {
                    return "a table has \(columns) columns and \(rows) rows, more than the limit of \(maxTableCells) cells"
                }
            }
            return nil
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// The number of columns when `line` (UTF-8) is a table delimiter row, else `nil`.
    static func delimiterColumns<Line: Collection>(_ line: Line) -> Int? where Line.Element == UInt8 {
        // Only spaces, tabs, pipes, colons and dashes; at least one dash.
        var hasDash = false
        var hasPipe = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "-"): hasDash = true
            case UInt8(ascii: "|"): hasPipe = true
            case UInt8(ascii: ":"): break
            default: guard isBlank(byte) else { return nil }
            }
        }
        guard hasDash else { return nil }
        var trimmed = Array(line.drop(while: isBlank))
        while let last = trimmed.last, isBlank(last) { trimmed.removeLast() }
        if trimmed.first == UInt8(ascii: "|") { trimmed.removeFirst() }
        if trimmed.last == UInt8(ascii: "|") { trimmed.removeLast() }
        let cells = trimmed.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
        for cell in cells {
            let content = cell.drop(while: isBlank).reversed().drop(while: isBlank)
            let dashes = content.drop { $0 == UInt8(ascii: ":") }.reversed().drop { $0 == UInt8(ascii: ":") }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
        }
        return cells.count > 1 || hasPipe ? cells.count : nil
    }
}
