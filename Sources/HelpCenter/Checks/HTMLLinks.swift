/// The `id`s and the link targets (`href`, `src`) of an HTML page, read by one pass over its bytes.
struct HTMLLinks: Sendable, Hashable {
    /// Every `id`, and the `name` of every `<a>`, as written (entities not decoded).
    var ids: [String] = []
    /// Every distinct `href` and `src` value in document order, as written.
    var links: [String] = []

    init(ids: [String], links: [String]) {
        self.ids = ids
        self.links = links
    }

    init(_ html: String) {
        var html = html
        self = html.withUTF8 { HTMLLinks(utf8: $0) }
    }

    init(_ html: [UInt8]) {
        self = html.withUnsafeBufferPointer { HTMLLinks(utf8: $0) }
    }

    private init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var seen = Set<String>()
        do {
            var index = 0
            let count = bytes.count
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
            while index < count {
                guard bytes[index] == 0x3C, index + 1 < count, isLetter(bytes[index + 1]) else {
                    index += 1
                    continue
                }
                var cursor = index + 1
                let nameStart = cursor
                while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != 0x3E, bytes[cursor] != 0x2F { cursor += 1 }
                let tagName = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
                // Attributes, until the tag's closing `>`.
                while cursor < count {
                    while cursor < count, isSpace(bytes[cursor]) || bytes[cursor] == 0x2F { cursor += 1 }
                    guard cursor < count, bytes[cursor] != 0x3E else { break }
                    let attributeStart = cursor
                    while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != 0x3D, bytes[cursor] != 0x3E, bytes[cursor] != 0x2F {
                        cursor += 1
                    }
                    let attribute = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
                    while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                    guard cursor < count, bytes[cursor] == 0x3D else { continue }
                    cursor += 1
                    while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                    guard cursor < count else { break }
                    var valueStart = cursor
                    var valueEnd: Int
                    if bytes[cursor] == 0x22 || bytes[cursor] == 0x27 {
                        let quote = bytes[cursor]
                        valueStart = cursor + 1
                        valueEnd = valueStart
                        while valueEnd < count, bytes[valueEnd] != quote { valueEnd += 1 }
                        cursor = min(count, valueEnd + 1)
                    } else {
                        valueEnd = cursor
                        while valueEnd < count, !isSpace(bytes[valueEnd]), bytes[valueEnd] != 0x3E { valueEnd += 1 }
                        cursor = valueEnd
                    }
                    switch attribute {
                    case "id":
                        ids.append(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
                    case "name" where tagName == "a":
                        ids.append(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
                    case "href", "src":
                        let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                        if seen.insert(value).inserted { links.append(value) }
                    default:
                        break
                    }
                }
                index = cursor + 1
                // The text of a script or style element is not markup.
                if tagName == "script" || tagName == "style" {
                    let closing = Array("</\(tagName)".utf8)
                    while index + closing.count <= count {
                        if bytes[index] == 0x3C,
                            zip(closing.indices, closing).allSatisfy({ offset, byte in (bytes[index + offset] | 0x20) == (byte | 0x20) })
                        {
                            break
                        }
                        index += 1
                    }
                }
            }
        }
        ids = ids.map(LinkChecker.unescape)
    }
}
