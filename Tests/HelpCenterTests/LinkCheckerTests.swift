import Foundation
import HelpCenter
import Testing

@Suite struct LinkCheckerTests {
    @Test func findsMissingPagesAndAnchors() throws {
        let site = try SiteFixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: site.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data(##"<h2 id="here">x</h2><a href="../b/">missing</a> <a href="#gone">bad anchor</a> <a href="#here">ok</a> <a href="../index.html#top">ok</a> <a href="https://e.com/x">external</a> <a href="../../etc/passwd">outside</a> <img src="../pic.png" alt="">"##.utf8)
            .write(to: site.appendingPathComponent("a/index.html"))
        try Data(##"<p id="top"><a href="a/">ok</a> <a href="a/#here">ok</a> <a href="a/#nope">bad</a></p>"##.utf8)
            .write(to: site.appendingPathComponent("index.html"))
        let broken = try LinkChecker(root: site).check()
        #expect(broken.map(\.description) == [
            "a/index.html: broken link ../b/ (no file b/)",
            "a/index.html: broken link #gone (no id \"gone\" in a/index.html)",
            "a/index.html: broken link ../../etc/passwd (leads outside the site)",
            "a/index.html: broken link ../pic.png (no file pic.png)",
            "index.html: broken link a/#nope (no id \"nope\" in a/index.html)",
        ])
    }
}
