/// The "N min read" label of an article: the API's `readTime` when it sends one, else 200 words a minute.
enum ReadingTime {
    static func label(readTime: String?, markdown: String) -> String {
        if let readTime, !readTime.isEmpty {
            return readTime.hasSuffix("read") ? readTime : "\(readTime) read"
        }
        return "\(max(1, (wordCount(markdown) + 199) / 200)) min read"
    }

    /// Runs of non-whitespace, read scalar by scalar (ASCII without a Unicode property lookup).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.isWhiteSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
