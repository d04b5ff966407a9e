/// Placeholders the renderer puts into cmark's output and then replaces; U+0001 never survives from
/// the input (see ``MarkdownRenderer/withoutControlCharacters(_:)``).
enum Marker {
    static let external = "\u{1}r\u{1}"
    static func heading(_ index: Int) -> String { "\u{1}h\(index)\u{1}" }
}

/// The last pass over cmark's HTML, in one scan of its bytes:
/// - a heading marker after `<hN>` becomes `<hN id="…">`, an external-link marker after `<a …>`
///   becomes `rel="noopener"`;
/// - tags cmark writes exactly like this get the attributes readers need: lazy images, code blocks and
///   tables that scroll from the keyboard (each table in a labelled, numbered region), a heading for the
///   footnotes, labels on task-list checkboxes, and table alignment as a class.
enum HTMLFinisher {
    static let replacements: [(from: [UInt8], to: [UInt8])] = ([
        ("<img src=\"", "<img loading=\"lazy\" src=\""),
        ("<pre>", "<pre tabindex=\"0\">"),
        ("<pre lang=", "<pre tabindex=\"0\" lang="),
        ("</table>", "</table></div>"),
        ("<section class=\"footnotes\" data-footnotes>", "<section class=\"footnotes\" data-footnotes>\n<h2 class=\"visually-hidden\">Footnotes</h2>"),
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />", "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />"),
    ] + alignedCells).map { (Array($0.0.utf8), Array($0.1.utf8)) }
    /// Aligned table cells: cmark writes the alignment as a style attribute, which the Content Security
    /// Policy blocks; a class keeps it (see `.align-*` in site.css).
    static let alignedCells = ["th", "td"].flatMap { cell in
        ["left", "center", "right"].map { ("<\(cell) style=\"text-align: \($0)\">", "<\(cell) class=\"align-\($0)\">") }
    }
    static let tableTag = Array("<table>".utf8)

    /// A scrollable, labelled region around each table, numbered so each has its own name.
    static func tableOpening(_ number: Int) -> String {
        "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table \(number)\" tabindex=\"0\"><table>"
    }

    static func finish(_ html: String, headingIDs: [String]) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 16 + 64)
            var tables = 0
            var index = 0
            var runStart = 0
            func flush(upTo end: Int) {
                if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            func matches(_ pattern: [UInt8], at position: Int) -> Bool {
                guard bytes.count - position >= pattern.count else { return false }
                for offset in 0..<pattern.count where bytes[position + offset] != pattern[offset] { return false }
                return true
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x01 {
                    flush(upTo: index)
                    var end = index + 1
                    while end < bytes.count, bytes[end] != 0x01 { end += 1 }
                    let marker = bytes[(index + 1)..<min(end, bytes.count)]
                    index = min(end + 1, bytes.count)
                    runStart = index
                    guard output.last == UInt8(ascii: ">") else { continue }
                    output.removeLast()
                    if marker.elementsEqual("r".utf8) {
                        output.append(contentsOf: " rel=\"noopener\">".utf8)
                    } else if marker.first == UInt8(ascii: "h"), let number = Int(String(decoding: marker.dropFirst(), as: UTF8.self)),
                        headingIDs.indices.contains(number)
                    {
                        output.append(contentsOf: " id=\"\(HTML.escape(headingIDs[number]))\">".utf8)
                    } else {
                        output.append(UInt8(ascii: ">"))
                    }
                    continue
                }
                guard byte == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if matches(tableTag, at: index) {
                    flush(upTo: index)
                    tables += 1
                    output.append(contentsOf: tableOpening(tables).utf8)
                    index += tableTag.count
                    runStart = index
                    continue
                }
                if let replacement = replacements.first(where: { matches($0.from, at: index) }) {
                    flush(upTo: index)
                    output.append(contentsOf: replacement.to)
                    index += replacement.from.count
                    runStart = index
                    continue
                }
                index += 1
            }
            flush(upTo: bytes.count)
            return String(decoding: output, as: UTF8.self)
        }
    }
}
