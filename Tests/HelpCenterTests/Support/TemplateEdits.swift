import Foundation
import HelpCenterResources
import SyntheticCorpus

/// Random changes to a folder of template overrides between two builds.
enum TemplateEdits {
    /// Overrides a random template of the default theme with an edited copy or, every third edit (`number`
    /// counts from 0), removes an override so that the theme's template is back; says which.
    static func apply(_ number: Int, in folder: URL, using random: inout SeededGenerator) throws -> String {
        let theme = try DefaultTheme.templates()
        let overrides = try templates(in: folder)
        if number % 3 == 2, let name = overrides.randomElement(using: &random) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            return "template \(name) back to the theme's"
        }
        let name = try templates(in: theme).randomElement(using: &random)!
        let text = try String(contentsOf: theme.appendingPathComponent(name), encoding: .utf8)
        // An HTML comment changes the pages; a Mustache comment changes the template but not the pages.
        let marker = Bool.random(using: &random) ? "<!-- edit \(number) -->" : "{{! edit \(number) }}"
        var edited = text
        if Bool.random(using: &random), let close = text.range(of: "</") {
            edited.insert(contentsOf: marker, at: close.lowerBound)
        } else {
            edited += marker + "\n"
        }
        try edited.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return "template \(name) edited"
    }

    private static func templates(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
    }
}
