/// A short summary of a page for lists and search results: the one the API gives, or the start of the
/// text cut at a word.
enum Excerpt {
    static let length = 180

    static func of(_ given: String?, text: String) -> String {
        if let given, !given.isEmpty { return given }
        // The text's lines joined by single spaces, read only as far as the excerpt needs.
        var flat = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isNewline {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                flat.append(" ")
                count += 1
                pendingSpace = false
            }
            flat.append(character)
            count += 1
            if count > length { break }
        }
        guard count > length else { return flat }
        let cut = flat.prefix(length)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
