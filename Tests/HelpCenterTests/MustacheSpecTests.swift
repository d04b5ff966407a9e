import Foundation
import Mustache
import Testing

@testable import HelpCenter

/// The Mustache spec's tests (vendored in `MustacheSpec/`), through ``TemplateSet``: each must give
/// the spec's expected output, and in every case the same output as swift-mustache.
@Suite struct MustacheSpecTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("MustacheSpec")

    /// Tests whose expected output swift-mustache 2.1 does not give; the theme's output must stay
    /// swift-mustache's, so ours is compared with swift-mustache's only.
    static let swiftMustacheDiffers: Set<String> = [
        "~inheritance/Intrinsic indentation", "~inheritance/Nested block reindentation",
    ]

    struct Spec: Decodable {
        struct Test: Decodable {
            var name: String
            var data: SpecValue
            var template: String
            var expected: String
            var partials: [String: String]?
        }

        var tests: [Test]
    }

    /// A JSON value of a spec test, read as a ``TemplateValue``: `null` is a missing value (as in
    /// swift-mustache, which skips nulls when looking a name up), decimals are their text.
    struct SpecValue: Decodable {
        var value: TemplateValue?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = nil
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? container.decode(Int.self) {
                value = .int(number)
            } else if let number = try? container.decode(Double.self) {
                value = .string(String(describing: number))
            } else if let text = try? container.decode(String.self) {
                value = .string(text)
            } else if let items = try? container.decode([SpecValue].self) {
                value = .list(items.compactMap(\.value))
            } else {
                let fields = try container.decode([String: SpecValue].self)
                var object = TemplateObject()
                for (key, field) in fields.sorted(by: { $0.key < $1.key }) { object[key] = field.value }
                value = .object(object)
            }
        }
    }

    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names"]

    @Test(arguments: files) func specFile(_ file: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(file).json"))
        let spec = try JSONDecoder().decode(Spec.self, from: data)
        #expect(!spec.tests.isEmpty)
        for test in spec.tests {
            let context = test.data.value ?? .object([:])
            var texts = test.partials ?? [:]
            texts["__test__"] = test.template
            let ours = String(decoding: try TemplateSet(texts).bytes("__test__", root: context), as: UTF8.self)
            var library = MustacheLibrary()
            for (name, text) in texts { library.register(try MustacheTemplate(string: text), named: name) }
            let theirs = library.render(context.mustacheValue, withTemplate: "__test__")
            #expect(ours == theirs, "\(file)/\(test.name): same as swift-mustache")
            if !Self.swiftMustacheDiffers.contains("\(file)/\(test.name)") {
                #expect(ours == test.expected, "\(file)/\(test.name)")
            }
        }
    }
}
