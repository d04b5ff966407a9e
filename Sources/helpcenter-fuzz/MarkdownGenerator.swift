import SyntheticCorpus

/// Random Markdown from pieces that exercise every construct cmark-gfm knows, and the places where
/// constructs meet: emphasis in links in tables in lists in quotes, raw HTML, entities, markers.
struct MarkdownGenerator {
    static let blockStarts = [
        "", "# ", "###### ", "> ", "- ", "* ", "1. ", "- [ ] ", "- [x] ", "    ", "```\n", "~~~ js\n", "| ", "[^1]: ",
        "[ref]: ", "<div>", "<!-- ", "<script>", "---\n", "===\n", "\t",
    ]
    static let inlines = [
        "word", " ", "*", "**", "_", "__", "~~", "`", "``", "[", "]", "(", ")", "![", "<", ">", "&", "&amp;", "&#0;",
        "&#x110000;", "\\", "\\*", "https://example.com", "www.example.com", "a@b.co", "<http://x>", "<javascript:alert(1)>",
        "[x](javascript:alert(1))", "[x](http://e.com \"t\")", "[^1]", "[ref]", "|", ":-:", "\u{0}", "\u{1}", "\u{1}h0\u{1}",
        "\u{1}r\u{1}", "<img src=x onerror=alert(1)>", "<b>", "</b>", "é", "🎉", "\u{202E}", "\r", "  \n",
    ]

    var random: InputMutator

    mutating func document() -> String {
        var text = ""
        for _ in 0..<random.int(1..<40) {
            for _ in 0..<random.int(0..<4) { text += random.pick(Self.blockStarts) }
            for _ in 0..<random.int(0..<30) {
                let piece = random.pick(Self.inlines)
                text += random.int(0..<20) == 0 ? String(repeating: piece, count: random.int(2..<400)) : piece
            }
            text += random.pick(["\n", "\n\n", "\n", " |\n| --- |\n"])
        }
        return text
    }
}
