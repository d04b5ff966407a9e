import CCmarkGFM
import Foundation

/// The one way into cmark-gfm: parse, let a caller edit the tree, render HTML.
///
/// cmark-gfm 0.29.0.gfm.6 keeps one mutable table in the process, the inline parser's special
/// characters (`SPECIAL_CHARS`, with `SKIP_CHARS` for emphasis): `cmark_parser_finish` adds its inline
/// extensions' characters (`~`, `:`, `w`) before it parses the inlines and removes them after, so a
/// document finished while another is being finished silently loses strikethrough and autolinks.
/// Nothing else reads or writes the table, and nothing else in parsing or rendering touches state
/// outside its own parser and document (the registry and node types are written once, at
/// registration). So only finishing goes through ``finishLock``; feeding the parser (block parsing),
/// editing the tree and rendering it run in parallel.
enum Cmark {
    private static let finishLock = NSLock()
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
    static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Parses `markdown` with the GFM extensions and footnotes, hands the document to `edit`, and
    /// renders it to HTML with the same extensions (so the tag filter applies); `nil` when `edit`
    /// returns `false`.
    static func render(_ markdown: String, unsafe: Bool, edit: (OpaquePointer) -> Bool) -> String? {
        // Table alignment as `style` attributes: the `align` attribute is obsolete in HTML5.
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | (unsafe ? CMARK_OPT_UNSAFE : 0)
        _ = registered
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let extension_ = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extension_)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = finishLock.withLock({ cmark_parser_finish(parser) }) else { return "" }
        defer { cmark_node_free(document) }
        guard edit(document) else { return nil }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Whether cmark's iterator treats nodes of `type` as leaves (its `S_is_leaf`).
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
            CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            true
        default:
            false
        }
    }

    /// Every node below `root` (itself included), in document order, and how deeply elements nest
    /// below it: 1 for a document of paragraphs of plain text. One pass of cmark's iterator.
    static func walk(_ root: OpaquePointer) -> (nodes: [(node: OpaquePointer, type: cmark_node_type)], depth: Int) {
        var nodes: [(node: OpaquePointer, type: cmark_node_type)] = []
        guard let iterator = cmark_iter_new(root) else { return (nodes, 0) }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        var deepest = 0
        while true {
            switch cmark_iter_next(iterator) {
            case CMARK_EVENT_DONE:
                return (nodes, deepest)
            case CMARK_EVENT_ENTER:
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                nodes.append((node: node, type: type))
                // Leaf nodes are entered and never exited; every other node, even an empty one, is both.
                guard !isLeaf(type) else { continue }
                depth += 1
                deepest = max(deepest, depth)
            case CMARK_EVENT_EXIT:
                depth -= 1
            default:
                continue
            }
        }
    }

    /// The text of a node's inline content, as a reader sees it (no markup).
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        for (child, type) in walk(node).nodes {
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// A literal piece of HTML placed into the rendered output at `position` among `parent`'s children.
    static func insertHTML(_ html: String, into parent: OpaquePointer, atStart: Bool) {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(node, html)
        cmark_node_set_on_exit(node, "")
        if atStart { cmark_node_prepend_child(parent, node) } else { cmark_node_append_child(parent, node) }
    }
}
