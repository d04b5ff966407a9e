import Hummingbird

/// The content types of the site's text files, with their character set: every file helpcenter writes
/// is UTF-8, and a browser that has to guess may guess otherwise.
enum TextContentTypes {
    static let byExtension: [String: MediaType] = [
        "html": utf8(.text, "html"),
        "css": utf8(.text, "css"),
        "js": utf8(.text, "javascript"),
        "mjs": utf8(.text, "javascript"),
        "json": utf8(.application, "json"),
        "xml": utf8(.application, "xml"),
        "txt": utf8(.text, "plain"),
        "svg": utf8(.image, "svg+xml"),
    ]

    static func utf8(_ type: MediaType.Category, _ subType: String) -> MediaType {
        MediaType(type: type, subType: subType, parameter: ("charset", "utf-8"))
    }
}
