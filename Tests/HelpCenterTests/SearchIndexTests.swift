import Foundation
@testable import HelpCenter
import Testing

@Suite struct SearchIndexTests {
    let tokenizer = SearchTokenizer()

    @Test func tokenizerFoldsCaseAndDiacriticsAndSplitsIdeographs() {
        #expect(tokenizer.terms("Créez l'ÉQUIPE, naïve café!") == ["creez", "l", "equipe", "naive", "cafe"])
        #expect(tokenizer.terms("The API and the SDK v2.1") == ["api", "sdk", "v2", "1"])
        // Like é, the kana プ loses its mark: queries are folded the same way.
        #expect(tokenizer.terms("日本語のヘルプ") == ["日", "本", "語", "の", "ヘ", "ル", "フ"])
        #expect(tokenizer.terms("ﬁle № 5") == ["file", "no", "5"])
        #expect(tokenizer.terms(String(repeating: "a", count: 41) + " ok") == ["ok"])
        // The length limit counts characters, not bytes, as the browser does.
        #expect(tokenizer.terms(String(repeating: "я", count: 40)) == [String(repeating: "я", count: 40)])
        #expect(tokenizer.terms("Ünïcode-mixed ASCII e\u{301}te") == ["unicode", "mixed", "ascii", "ete"])
    }

    /// Reads a built index back: manifest, term chunks and document chunks.
    struct ReadIndex {
        var manifest: [String: Any]
        /// Every term's postings text, and its document count when it is a common term cut to its head.
        var terms: [String: (postings: String, documents: Int?)]
        var documents: [[Any]]
        var files: [String: Data]

        init(site: URL) throws {
            let folder = site.appendingPathComponent("search/index")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
            try self.init(files: files)
        }

        init(files: [String: Data]) throws {
            self.files = files
            func json(_ name: String) throws -> Any {
                try JSONSerialization.jsonObject(with: try #require(files[name], "\(name) is missing"))
            }
            manifest = try json("manifest.json") as! [String: Any]
            #expect(manifest["version"] as? Int == 2)
            terms = [:]
            let firsts = manifest["termChunks"] as! [String]
            for (number, first) in firsts.enumerated() {
                let entries = try json(Self.termChunkName(manifest, number)) as! [String: Any]
                #expect(entries.keys.min() == first)
                for (term, value) in entries {
                    if let text = value as? String {
                        terms[term] = (text, nil)
                    } else {
                        let pair = value as! [Any]
                        terms[term] = (pair[0] as! String, pair[1] as? Int)
                    }
                }
            }
            let hash = manifest["documentsHash"] as! String
            documents = try (0..<(manifest["documentChunks"] as! Int)).flatMap { try json("d-\(hash)-\($0).json") as! [[Any]] }
        }

        static func termChunkName(_ manifest: [String: Any], _ number: Int) -> String {
            let hashes = Array(manifest["termHashes"] as! String), length = hashes.count / (manifest["termChunks"] as! [String]).count
            return "t-" + String(hashes[(number * length)..<((number + 1) * length)]) + ".json"
        }

        /// The documents containing `term`, with their score, heading and title length.
        func postings(_ term: String) -> [(document: Int, score: Int, heading: Int, titleLength: Int)] {
            let numbers = PostingsEncoding.decodeNumbers(terms[term]?.postings ?? "")
            var number = 0
            return stride(from: 0, to: numbers.count, by: 2).map { index in
                number += numbers[index]
                let packed = numbers[index + 1]
                return (number, packed % 64, packed / 64 % 32, packed / 2048)
            }
        }
    }

    @Test func indexHoldsEveryArticleAndPostWithTheirTerms() async throws {
        let (site, report) = try await SiteFixtures.build()
        let index = try ReadIndex(site: site)
        #expect(index.documents.count == (report.pages["article"] ?? 0) + (report.pages["post"] ?? 0))
        #expect(index.manifest["documents"] as? Int == index.documents.count)
        let paths = index.documents.map { $0[2] as! String }
        #expect(Set(paths).count == paths.count)
        #expect(paths.contains("articles/offline-mode/") && paths.contains { $0.hasPrefix("community/posts/") })
        // Every path is a page of the site.
        for path in paths {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path + "index.html").path), "\(path)")
        }
        // "offline" is in the title of the offline article: the highest weight, and its heading matches.
        let offline = try #require(paths.firstIndex(of: "articles/offline-mode/"))
        let hit = try #require(index.postings("offline").first { $0.document == offline })
        #expect(hit.score >= 16 && hit.titleLength == 2)
        let troubleshooting = try #require(index.postings("troubleshooting").first { $0.document == offline })
        let headings = index.documents[offline][5] as! [[String]]
        #expect(headings[troubleshooting.heading - 1] == ["Troubleshooting", "troubleshooting"])
        // Stop words are not indexed; the manifest tells the browser which they are.
        #expect(index.terms["the"] == nil)
        #expect(index.postings("troubleshooting").allSatisfy { $0.titleLength == 0 })
        #expect((index.manifest["stopWords"] as? [String])?.contains("the") == true)
    }

    @Test func articlesComeFirstThenPostsEachMostPopularFirst() async throws {
        let (site, report) = try await SiteFixtures.build()
        let index = try ReadIndex(site: site)
        let articles = report.pages["article"] ?? 0
        #expect(index.manifest["articles"] as? Int == articles)
        #expect(index.documents.prefix(articles).allSatisfy { $0[0] as? Int == 0 })
        #expect(index.documents.dropFirst(articles).allSatisfy { $0[0] as? Int == 1 })
        // Popularity runs: [first document, bucket], buckets falling within each kind.
        let runs = (index.manifest["popularity"] as! [[Int]])
        #expect(runs.first == [0, 7])
        let articleRuns = runs.filter { $0[0] < articles }.map { $0[1] }, postRuns = runs.filter { $0[0] >= articles }.map { $0[1] }
        #expect(articleRuns == articleRuns.sorted(by: >) && postRuns == postRuns.sorted(by: >))
        #expect(postRuns.first == 7)
        // welcome-to-quillpad has the most views in the demo: it is in the first run.
        let welcome = try #require(index.documents.firstIndex { $0[2] as? String == "articles/welcome-to-quillpad/" })
        #expect(runs.count > 1 && welcome < runs[1][0])
    }

    @Test func chunkNamesCarryTheirContentHash() async throws {
        let (site, _) = try await SiteFixtures.build()
        let index = try ReadIndex(site: site)
        for (name, data) in index.files where name != "manifest.json" {
            let match = try #require(name.firstMatch(of: /^([tdg])-([0-9a-f]{10})(-[0-9]+)?\.json$/), "\(name)")
            if match.1 != "d" { #expect(String(match.2) == ContentHash.hex(Array(data)), "\(name)") }
        }
        #expect(index.files.count == 2 + (index.manifest["termChunks"] as! [String]).count + (index.manifest["documentChunks"] as! Int))
    }

    @Test func postingsEncodingRoundTrips() {
        let postings: [PostingsEncoding.Posting] = [
            .init(document: 0, score: 1, heading: 0, titleLength: 0), .init(document: 31, score: 63, heading: 3, titleLength: 0),
            .init(document: 32, score: 16, heading: 0, titleLength: 4), .init(document: 70_000, score: 7, heading: 40, titleLength: 99),
        ]
        let text = String(decoding: PostingsEncoding.encode(postings), as: UTF8.self)
        #expect(text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        // A body word in a nearby document takes two characters.
        #expect(text.hasPrefix("AB"))
        // Headings past the 31st are not linked; title lengths are capped at 31.
        #expect(PostingsEncoding.decodeNumbers(text) == [0, 1, 31, 63 + 64 * 3, 1, 16 + 64 * 32 * 4, 69_968, 7 + 64 * 32 * 31])
    }
}
