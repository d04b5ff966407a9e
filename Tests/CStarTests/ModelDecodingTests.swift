import CStar
import Foundation
import Testing

@Suite struct ModelDecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func libraryObjectsAcceptSnakeCase() throws {
        let article = try decode(LibraryArticle.self, """
            {"id":"a","slug":"s","title":"T","view_count":12,"category_slug":"billing","published_at":"2025-12-01T10:00:00.250Z"}
            """)
        #expect(article.viewCount == 12)
        #expect(article.categorySlug == "billing")
        #expect(article.publishedAt == Date(timeIntervalSince1970: 1_764_583_200.25))
    }

    @Test func unknownFieldsAndSpellingsSurviveARoundTrip() throws {
        let text = """
            {"id":"a","slug":"s","title":"T","view_count":12,"newThing":{"deep":[1,2.5,true,null,"x"]},"excerpt":null}
            """
        let article = try decode(LibraryArticle.self, text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let again = try decode(JSONValue.self, String(decoding: try encoder.encode(article), as: UTF8.self))
        #expect(again == (try decode(JSONValue.self, text)))
    }

    @Test func missingRequiredFieldNamesTheKeyAndPath() throws {
        do {
            _ = try decode([Post].self, #"[{"id":"1","slug":"a","title":"A","body":""},{"id":"2","title":"B"}]"#)
            Issue.record("decoding should fail")
        } catch {
            #expect(DecodingErrorDescription.describe(error) == "[1]: missing required key 'slug'")
        }
    }

    @Test func postStatusesAndDefaults() throws {
        let post = try decode(Post.self, #"{"id":"1","slug":"a","title":"A","status":"officially_answered","topic":{"id":"t","slug":"ideas","name":"Ideas"}}"#)
        #expect(post.status == .officiallyAnswered)
        #expect(post.topicID == "t" && post.topicSlug == "ideas")
        #expect(post.isPublic && !post.isPinned && post.voteCount == 0)
        let other = try decode(Post.self, #"{"id":"1","slug":"a","title":"A","status":"archived","visibility":"members_only"}"#)
        #expect(other.status == .other("archived") && other.status.rawValue == "archived")
        #expect(!other.isPublic)
    }

    @Test func numbersAndBooleansAreReadLeniently() throws {
        let comment = try decode(CStar.Comment.self, #"{"id":"1","body":"x","is_agent":1,"is_official_answer":"true"}"#)
        #expect(comment.isAgent && comment.isOfficialAnswer)
        let category = try decode(CStar.Category.self, #"{"id":"1","name":"N","slug":"n","sortOrder":"3","articleCount":4.0}"#)
        #expect(category.sortOrder == 3 && category.articleCount == 4)
    }
}
