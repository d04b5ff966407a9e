import Foundation
import HelpCenter
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
    }

    /// Reads the built index back: manifest, term chunks and document chunks.
    struct ReadIndex {
        var manifest: [String: Any]
        var terms: [String: [Int]]
        var documents: [[Any]]

        init(site: URL) throws {
            let folder = site.appendingPathComponent("search/index")
            func json(_ name: String) throws -> Any {
                try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name)))
            }
            manifest = try json("manifest.json") as! [String: Any]
            terms = [:]
            for chunk in manifest["termChunks"] as! [[String]] {
                let entries = try json(chunk[1]) as! [String: [Int]]
                #expect(entries.keys.min() == chunk[0])
                terms.merge(entries) { a, _ in a }
            }
            documents = try (manifest["documentChunks"] as! [String]).flatMap { try json($0) as! [[Any]] }
        }

        /// The documents containing `term`, with their packed score and heading.
        func postings(_ term: String) -> [(document: Int, packed: Int, heading: Int)] {
            var number = 0
            return stride(from: 0, to: terms[term]?.count ?? 0, by: 3).map { index in
                number += terms[term]![index]
                return (number, terms[term]![index + 1], terms[term]![index + 2])
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
        #expect(hit.packed / 8 >= 16)
        let troubleshooting = try #require(index.postings("troubleshooting").first { $0.document == offline })
        let headings = index.documents[offline][5] as! [[String]]
        #expect(headings[troubleshooting.heading - 1] == ["Troubleshooting", "troubleshooting"])
        // Stop words are not indexed; the manifest tells the browser which they are.
        #expect(index.terms["the"] == nil)
        #expect((index.manifest["stopWords"] as? [String])?.contains("the") == true)
    }

    @Test func mostPopularDocumentsComeFirst() async throws {
        let (site, _) = try await SiteFixtures.build()
        let index = try ReadIndex(site: site)
        var popularity: [Int: Int] = [:]
        for term in index.terms.keys {
            for hit in index.postings(term) { popularity[hit.document] = hit.packed % 8 }
        }
        let ordered = (0..<index.documents.count).map { popularity[$0] ?? 0 }
        #expect(ordered == ordered.sorted(by: >))
        #expect(ordered.first == 7)
        // welcome-to-quillpad has the most views in the demo.
        let welcome = index.documents.firstIndex { ($0[2] as? String) == "articles/welcome-to-quillpad/" }
        #expect(welcome.map { popularity[$0] } == 7)
    }

    @Test func chunkNamesChangeWithTheirContent() async throws {
        let (site, _) = try await SiteFixtures.build()
        let folder = site.appendingPathComponent("search/index")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "manifest.json" {
            #expect(name.firstMatch(of: /^[td]-[0-9a-f]{16}\.json$/) != nil, "\(name)")
        }
    }
}
