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

/// The CPU time of this thread, in seconds: other processes on a busy machine do not count.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func time(_ body: () -> Int) -> (seconds: Double, bytes: Int) {
    let start = cpuSeconds()
    let bytes = body()
    return (cpuSeconds() - start, bytes)
}

print("pages per kind: \(pages); pages per CPU second (higher is better), ratio to (a)")
for kind in kinds {
    // (a): the context as today's page code gives it, dictionaries and arrays of `Any`.
    let dictionary = kind.context.mustacheValue
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
        let label = name.padding(toLength: 24, withPad: " ", startingAt: 0)
        print("  \(label)" + String(format: " %9.0f pages/s  %6.2fx  ", rate, rate / baseline) + (identical ? "identical" : "DIFFERENT"))
    }
}
