import Foundation
import HelpCenter
import SyntheticCorpus
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    /// Only finishing a parse is serialised (cmark-gfm's inline parser shares a global table); block
    /// parsing, editing and rendering run in parallel. Many documents rendered at once must equal the same documents rendered one by one,
    /// strikethrough, autolinks, tables, task lists and footnotes included.
    @Test func renderingInParallelGivesTheSameHTMLAsOneByOne() async {
        let documents = (0..<400).map { number in
            """
            ## Part \(number)

            ~~old~~ text with www.example\(number).com and https://example.com/\(number) and a note[^n\(number)].

            | a | b |
            |---|:-:|
            | \(number) | ~~x~~ |

            - [x] done \(number)
            - [ ] open

            [^n\(number)]: The note, see <https://example.org/\(number)>.
            """
        }
        let serial = documents.map { renderer.render($0).html }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { [renderer] in (index, renderer.render(document).html) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        let differing = documents.indices.filter { parallel[$0] != serial[$0] }
        #expect(differing.isEmpty, "\(differing.count) documents differ, the first: \(differing.prefix(5))")
        #expect(serial[7].contains("<del>old</del>") && serial[7].contains(#"<a href="http://www.example7.com""#))
    }

    @Test func headingsGetUniqueGitHubStyleIDsAndAnchors() {
        let rendered = renderer.render("# Set up SSO!\n\n## Set up SSO\n\n### Step 1: *Create* the `app`\n\n## 日本語 ✨\n\n## !!!\n")
        #expect(rendered.headings.map(\.id) == ["set-up-sso", "set-up-sso-1", "step-1-create-the-app", "日本語-", "section"])
        #expect(rendered.headings.map(\.text) == ["Set up SSO!", "Set up SSO", "Step 1: Create the app", "日本語 ✨", "!!!"])
        #expect(rendered.headings.map(\.level) == [1, 2, 3, 2, 2])
        #expect(rendered.html.contains(
            ##"<h3 id="step-1-create-the-app">Step 1: <em>Create</em> the <code>app</code> <a class="heading-anchor" href="#step-1-create-the-app" aria-label="Link to section: Step 1: Create the app">#</a></h3>"##))
    }

    @Test func reservedIDsAreNeverGivenToHeadings() {
        let rendered = MarkdownRenderer(options: .init(reservedIDs: ["main", "search"])).render("## Main\n\n## Search\n")
        #expect(rendered.headings.map(\.id) == ["main-1", "search-1"])
    }

    @Test func linksAreRewrittenAndExternalOnesGetNoopener() {
        let rendered = renderer.render(
            "[a](https://www.cstar.help/library/acme/articles/x#y) [b](https://example.com) [c](#local) <https://auto.example>",
            rewriteLink: { url in url.contains("/library/acme/articles/x") ? "../x/#y" : nil })
        #expect(rendered.html.contains(##"<a href="../x/#y">a</a>"##))
        #expect(rendered.html.contains(##"<a href="https://example.com" rel="noopener">b</a>"##))
        #expect(rendered.html.contains(##"<a href="#local">c</a>"##))
        #expect(rendered.html.contains(##"<a href="https://auto.example" rel="noopener">https://auto.example</a>"##))
        #expect(rendered.links == ["../x/#y", "https://example.com", "#local", "https://auto.example"])
    }

    @Test func imagesLoadLazily() {
        let html = renderer.render("![A chart](chart.png \"Title\")").html
        #expect(html == "<p><img loading=\"lazy\" src=\"chart.png\" alt=\"A chart\" title=\"Title\" /></p>\n")
    }

    @Test func codeTablesAndTaskListsWorkWithKeyboardAndScreenReaders() {
        let html = renderer.render("```swift\nlet x = 1\n```\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n\n- [x] done\n- [ ] todo\n\nNote[^1]\n\n[^1]: Here.\n").html
        #expect(html.contains(#"<pre tabindex="0"><code class="language-swift">"#))
        #expect(html.contains(#"<div class="table-scroll" role="region" aria-label="Table 1" tabindex="0"><table>"#))
        #expect(html.contains(#"<div class="table-scroll" role="region" aria-label="Table 2" tabindex="0"><table>"#))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>\n<h2 class=\"visually-hidden\">Footnotes</h2>"))
        #expect(html.contains("</table></div>"))
        #expect(html.contains(#"<th class="align-center">a</th>"#) && html.contains(#"<td class="align-right">2</td>"#))
        #expect(!html.contains("align=\"") && !html.contains("style="))
        #expect(html.contains(#"<input type="checkbox" checked="" disabled="" aria-label="Done" /> done"#))
        #expect(html.contains(#"<input type="checkbox" disabled="" aria-label="Not done" /> todo"#))
    }

    @Test func rawHTMLIsOffUnlessAllowed() {
        let markdown = "<div class=\"note\">Hi</div>\n\n<b>bold</b> <script>alert(1)</script>\n"
        let safe = renderer.render(markdown).html
        #expect(!safe.contains("<div") && !safe.contains("<b>") && !safe.contains("<script"))
        let allowed = MarkdownRenderer(options: .init(allowRawHTML: true)).render(markdown).html
        #expect(allowed.contains(##"<div class="note">Hi</div>"##) && allowed.contains("<b>bold</b>"))
        // The tag filter still applies when raw HTML is allowed.
        #expect(allowed.contains("&lt;script>alert(1)&lt;/script>"))
    }

    @Test func dangerousURLsAreDropped() {
        let html = renderer.render("[x](javascript:alert(1)) [y](vbscript:x) ![z](data:text/html,x) ![ok](data:image/png;base64,AAAA)").html
        #expect(html.contains(##"<a href="">x</a>"##) && html.contains(##"<a href="">y</a>"##))
        #expect(html.contains(#"src="" alt="z""#))
        #expect(html.contains(#"src="data:image/png;base64,AAAA""#))
    }

    @Test func markersCannotBeForgedFromInput() {
        let html = renderer.render("# Title \u{1}h0\u{1}\n\n[x](https://e.com)\u{1}r\u{1}").html
        #expect(!html.contains("\u{1}"))
        #expect(html.components(separatedBy: "id=").count == 2)
        #expect(html.components(separatedBy: "rel=\"noopener\"").count == 2)
    }

    @Test func plainTextIsBlockByBlock() {
        let rendered = renderer.render("# Title\n\nSome *emphasis* and `code`.\n\n- one\n- two\n\n```\nlet x = 1\n```\n")
        #expect(rendered.text == "Title\nSome emphasis and code.\none\ntwo\nlet x = 1")
        #expect(rendered.wordCount == 11)
    }

    @Test func oversizedDocumentsAreShownAsEscapedText() {
        let rendered = MarkdownRenderer(options: .init(maxBytes: 100)).render(String(repeating: "<b>x</b> ", count: 20))
        #expect(rendered.fallbackReason?.contains("more than the limit of 100") == true)
        #expect(rendered.html.hasPrefix("<pre class=\"unrendered\">&lt;b&gt;x&lt;/b&gt;"))
        // No more than the limit is shown, cut before a character rather than through it.
        let long = MarkdownRenderer(options: .init(maxBytes: 100)).render(String(repeating: "é", count: 80))
        #expect(long.text == String(repeating: "é", count: 49))
        #expect(long.html.hasSuffix("<p class=\"unrendered-note\">This document is too long to show in full: 98 of its 160 bytes are shown.</p>\n"))
    }

    @Test func deeplyNestedDocumentsAreShownAsText() {
        let deep = renderer.render(String(repeating: "> ", count: 150) + "a")
        #expect(deep.fallbackReason == "its elements nest 152 deep, more than the limit of 100")
        #expect(deep.html.hasPrefix("<pre class=\"unrendered\">&gt; &gt; "))
        let emphasis = renderer.render(String(repeating: "*a **a ", count: 200) + String(repeating: " b** b*", count: 200))
        #expect(emphasis.fallbackReason?.hasPrefix("its elements nest") == true)
        // Empty containers (list items, quotes) are entered and exited like any other: they cannot
        // lower the count.
        let padded = renderer.render(String(repeating: "-\n\n>\n\n", count: 500) + String(repeating: "> ", count: 150) + "a")
        #expect(padded.fallbackReason?.hasPrefix("its elements nest") == true)
        // Nesting a real article might have renders.
        let nested = renderer.render((0..<12).map { String(repeating: "  ", count: $0) + "- **item _\($0)_**\n" }.joined())
        #expect(nested.fallbackReason == nil && nested.html.contains("<em>11</em>"))
    }

    @Test func everyPathologicalShapeRendersOrFallsBackToText() {
        for (name, markdown) in HostileCorpus.pathologicalMarkdown {
            let rendered = renderer.render(markdown)
            #expect(rendered.html.count > 10, "\(name)")
            #expect(!rendered.html.contains("<script"), "\(name)")
        }
    }

    @Test func tablesTooLargeForCmarkAreShownAsText() {
        let wide = "|" + String(repeating: "a|", count: 600) + "\n|" + String(repeating: "-|", count: 600) + "\n"
        #expect(renderer.render(wide).fallbackReason == "a table has 600 columns, more than the limit of 500")
        let long = "|a|b|c|\n|---|:-:|--:|\n" + String(repeating: "x\n", count: 40_000)
        #expect(renderer.render(long).fallbackReason == "a table has 3 columns and 40000 rows, more than the limit of 100000 cells")
        // Ordinary tables, and lines that only look a little like delimiter rows, render.
        let normal = "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n---\n\n- a - b\n"
        let rendered = renderer.render(normal)
        #expect(rendered.fallbackReason == nil && rendered.html.contains("<table>") && rendered.html.contains("<hr />"))
    }

    @Test func gfmExtensionsSurviveConcurrentRendering() async {
        // cmark-gfm drops strikethrough and autolinks when documents are parsed concurrently; the
        // renderer's lock must prevent that.
        let html = await withTaskGroup(of: String.self) { group in
            for _ in 0..<64 { group.addTask { renderer.render("~~gone~~ www.example.com").html } }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(html.allSatisfy { $0 == "<p><del>gone</del> <a href=\"http://www.example.com\" rel=\"noopener\">www.example.com</a></p>\n" })
    }
}
