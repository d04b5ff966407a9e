import Foundation
import HelpCenter
import HelpCenterResources
import Mustache

// Renders the default theme's article, category and post pages (content template, then the layout
// around it) from fixed contexts, each way swift-mustache can be fed and with TemplateSet, and prints
// pages per second. Usage: template-bench [pages per kind, default 2000]

let pages = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 2000
let folder = try DefaultTheme.templates()
var texts: [String: String] = [:]
for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
    texts[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
}
var library = MustacheLibrary()
var fastLibrary = MustacheLibrary()
MustacheContentTypes.register(ByteHTMLContentType(), named: "BYTEHTML")
for (name, text) in texts {
    library.register(try MustacheTemplate(string: text), named: name)
    // (c) needs the pragma in every template: a partial starts again with the default content type.
    fastLibrary.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: BYTEHTML}}\n" + text), named: name)
}
let templateSet = try TemplateSet(texts)

let kinds: [(name: String, template: String, context: TemplateObject)] = [
    ("article", "article", Contexts.article()), ("category", "category", Contexts.category()),
    ("post (50 comments)", "post", Contexts.post(comments: 50)),
]

func time(_ body: () -> Int) -> (seconds: Double, bytes: Int) {
    let start = ContinuousClock.now
    let bytes = body()
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, bytes)
}

print("pages per kind: \(pages); pages/s (higher is better), ratio to (a)")
for kind in kinds {
    let dictionary = kind.context.dictionaryValue
    let reference: String = {
        var context = dictionary
        context["content"] = library.render(dictionary, withTemplate: kind.template)!
        return library.render(context, withTemplate: "layout")!
    }()
    var variants: [(String, () -> String)] = []
    variants.append(("(a) [String: Any]", {
        var context = dictionary
        context["content"] = library.render(dictionary, withTemplate: kind.template)!
        return library.render(context, withTemplate: "layout")!
    }))
    variants.append(("(b) MustacheParent", {
        var context = kind.context
        context["content"] = .string(library.render(kind.context, withTemplate: kind.template)!)
        return library.render(context, withTemplate: "layout")!
    }))
    variants.append(("(b)+(c) byte escaping", {
        var context = kind.context
        context["content"] = .string(fastLibrary.render(kind.context, withTemplate: kind.template)!)
        return fastLibrary.render(context, withTemplate: "layout")!
    }))
    variants.append(("(d) TemplateSet", {
        var context = kind.context
        context["content"] = .string(templateSet.render(kind.template, kind.context))
        return templateSet.render("layout", context)
    }))
    var baseline = 0.0
    print("\n\(kind.name): \(reference.utf8.count) bytes a page")
    for (name, render) in variants {
        let output = render()
        let identical = output == reference
        _ = time { (0..<max(1, pages / 10)).reduce(0) { sum, _ in sum + render().utf8.count } }
        let (seconds, _) = time { (0..<pages).reduce(0) { sum, _ in sum + render().utf8.count } }
        let rate = Double(pages) / seconds
        if baseline == 0 { baseline = rate }
        print(String(format: "  %-24@ %9.0f pages/s  %5.2fx  %@", name as NSString, rate, rate / baseline, identical ? "identical" : "DIFFERENT"))
    }
}
