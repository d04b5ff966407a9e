import CStar
import CStarSnapshot
import Foundation

/// A generated team large enough to need several pages: 3 categories of 120, 45 and 0 articles, 2
/// topics, 130 public posts plus 5 members-only ones, with comments.
enum Fixture {
    static let team = "acme"
    static let teamID = "7f1c0000-0000-4000-8000-000000000001"
    static let categorySizes = [("billing", "Billing", 120), ("security", "Security", 45), ("empty", "Empty", 0)]

    static func date(_ day: Int, _ minute: Int = 0) -> String {
        let date = Date(timeIntervalSince1970: 1_735_689_600 + Double(day) * 86_400 + Double(minute) * 60)
        return ISODate.format(date)
    }

    static let snapshot: Snapshot = {
        var categories: [CStar.Category] = []
        var articles: [LibraryArticle] = []
        for (index, (slug, name, size)) in categorySizes.enumerated() {
            categories.append(CStar.Category(
                id: "cat-\(slug)", name: name, slug: slug, description: "All about \(name.lowercased())",
                sortOrder: index + 1, articleCount: size))
            for number in 0..<size {
                var json = LibraryArticle(
                    id: "art-\(slug)-\(number)", slug: "\(slug)-article-\(number)",
                    title: number == 7 ? "Rotate your API keys" : "\(name) guide \(number)",
                    content: "## Step \(number)\n\nText about \(name.lowercased()) number \(number).",
                    excerpt: "Excerpt \(number)", category: name, categorySlug: slug, categoryID: "cat-\(slug)",
                    tags: [slug], viewCount: (number * 37) % 1000 + number, readTime: "1 min",
                    publishedAt: date(number), updatedAt: date(number, 5)
                ).json
                json["futureField"] = ["nested": [1, 2.5, "x", nil]]
                articles.append(LibraryArticle(unchecked: json))
            }
        }
        let topics = [
            Topic(id: "top-ideas", name: "Ideas", slug: "ideas", sortOrder: 1),
            Topic(id: "top-help", name: "Help", slug: "help", sortOrder: 2),
        ]
        var posts: [Post] = []
        var comments: [String: [CStar.Comment]] = [:]
        for number in 0..<135 {
            let slug = "post-\(number)"
            let commentCount = number % 4
            var json = Post(
                id: "post-id-\(number)", slug: slug, title: number == 3 ? "Dark mode please" : "Post \(number)",
                body: "Body of post \(number)", topicID: number % 2 == 0 ? "top-ideas" : "top-help",
                status: number % 3 == 0 ? .planned : .open, voteCount: (number * 53) % 200,
                commentCount: commentCount, isPinned: number == 10, createdAt: date(number, 30),
                authorName: "Author \(number)"
            ).json
            if number >= 130 { json["visibility"] = "members_only" }
            posts.append(Post(unchecked: json))
            comments[slug] = (0..<commentCount).map { index in
                CStar.Comment(
                    id: "c-\(number)-\(index)", postID: "post-id-\(number)", body: "Comment \(index)",
                    isAgent: index == 1, isOfficialAnswer: index == 1, createdAt: date(number + index + 1))
            }
        }
        return Snapshot(
            team: .init(slug: team, name: "Acme Inc."), fetchedAt: date(400), baseURL: "https://www.cstar.help",
            library: .init(
                categories: categories, articles: articles,
                popular: articles.sorted { ($0.viewCount ?? 0) > ($1.viewCount ?? 0) }.prefix(8).map(\.slug),
                stats: LibraryStats(totalArticles: articles.count, totalCategories: categories.count, totalViews: 999)),
            community: .init(topics: topics, posts: posts, comments: comments))
    }()

    static var publicPosts: [Post] { snapshot.community!.posts.filter(\.isPublic) }
}
