/// The scheme a URL starts with (`https` in `https://…`, `mailto` in `mailto:…`), read without a regex.
enum URLScheme {
    /// The scheme of `link` as written, or `nil` when it has none (a path, a fragment, `//host/…`).
    static func of(_ link: String) -> Substring? {
        var length = 0
        for byte in link.utf8 {
            let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if length == 0 {
                guard letter else { return nil }
            } else if byte == UInt8(ascii: ":") {
                // Every byte before it is ASCII, so characters and bytes count alike.
                return link.prefix(length)
            } else {
                let other = (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                guard letter || other else { return nil }
            }
            length += 1
        }
        return nil
    }
}
