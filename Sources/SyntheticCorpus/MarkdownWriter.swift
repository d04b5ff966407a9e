import Foundation

/// Writes realistic help-center Markdown: sections under headings, paragraphs with emphasis, inline
/// code and links to other articles, lists, numbered steps, tables, code blocks and tips.
struct MarkdownWriter {
    let vocabulary: Vocabulary
    /// Where links to other articles point (the team's hosted library, as real content links).
    let articleURL: (Int) -> String
    let articleCount: Int

    func sentence(_ random: inout SeededGenerator, words: ClosedRange<Int> = 8...20, inline: Bool = true) -> String {
        let count = random.int(words)
        var parts: [String] = []
        parts.reserveCapacity(count)
        for index in 0..<count {
            var word = random.chance(0.38) ? random.pick(Vocabulary.functionWords) : vocabulary.word(&random)
            if index == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            if inline && index > 0 {
                if random.chance(0.015) { word = "**\(word)**" }
                else if random.chance(0.01) { word = "`\(word)`" }
                else if random.chance(0.008), articleCount > 1 {
                    word = "[\(word) \(vocabulary.word(&random))](\(articleURL(random.int(0...(articleCount - 1)))))"
                }
            }
            parts.append(word)
        }
        return parts.joined(separator: " ") + (random.chance(0.1) ? "?" : ".")
    }

    func paragraph(_ random: inout SeededGenerator) -> String {
        (0..<random.int(2...5)).map { _ in sentence(&random) }.joined(separator: " ")
    }

    func heading(_ random: inout SeededGenerator, skip: Int = 5) -> String {
        let text = (0..<random.int(2...5)).map { _ in vocabulary.word(&random, skip: skip) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    func block(_ random: inout SeededGenerator) -> String {
        let roll = random.unit()
        switch roll {
        case ..<0.50:
            return paragraph(&random)
        case ..<0.65:
            return (0..<random.int(3...7)).map { _ in "- " + sentence(&random, words: 4...12) }.joined(separator: "\n")
        case ..<0.78:
            return (1...random.int(3...8)).map { "\($0). " + sentence(&random, words: 5...14) }.joined(separator: "\n")
        case ..<0.84:
            let columns = random.int(2...5)
            let header = (0..<columns).map { _ in vocabulary.word(&random, skip: 5) }
            var rows = ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: columns)]
            for _ in 0..<random.int(2...10) {
                rows.append("| " + (0..<columns).map { _ in sentence(&random, words: 1...4, inline: false) }.joined(separator: " | ") + " |")
            }
            return rows.joined(separator: "\n")
        case ..<0.90:
            let lines = (0..<random.int(2...12)).map { _ in
                String(repeating: " ", count: random.int(0...2) * 2) + "\(vocabulary.word(&random))(\"\(vocabulary.word(&random))\", \(random.int(0...999)));"
            }
            return "```" + random.pick(["js", "json", "bash", "python", ""]) + "\n" + lines.joined(separator: "\n") + "\n```"
        case ..<0.95:
            return "> **Tip:** " + sentence(&random)
        default:
            return (0..<random.int(2...5)).map { _ in "- [" + (random.chance(0.5) ? "x" : " ") + "] " + sentence(&random, words: 3...9) }
                .joined(separator: "\n")
        }
    }

    /// An article body of about `bytes` bytes.
    func article(bytes: Int, random: inout SeededGenerator) -> String {
        var parts = [paragraph(&random)]
        var size = parts[0].utf8.count
        var sinceHeading = 0
        while size < bytes {
            let part: String
            if sinceHeading >= random.int(2...5) {
                part = (random.chance(0.25) ? "### " : "## ") + heading(&random)
                sinceHeading = 0
            } else {
                part = block(&random)
                sinceHeading += 1
            }
            parts.append(part)
            size += part.utf8.count + 2
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
