import CStar
import CStarSnapshot
import Foundation
import SyntheticCorpus

/// Edits of the knowledge base: articles and categories.
extension SnapshotEdits {
    static func editArticle(_ edit: SnapshotEdit, in snapshot: inout Snapshot, using random: inout SeededGenerator) -> String {
        var articles = snapshot.library.articles
        defer { snapshot.library.articles = articles }
        guard let pick = articles.indices.randomElement(using: &random) else { return "no article to edit" }
        let article = articles[pick], slug = article.slug
        let word = word(using: &random)
        switch edit {
        case .articleBody:
            let other = articles.randomElement(using: &random)!
            let link = "https://www.cstar.help/library/\(snapshot.team.slug)/articles/\(other.slug)"
            articles[pick] = edited(article) {
                $0.set(LibraryArticle.Field.content, .string((article.content ?? "") + "\n\nMore on \(word): [see this](\(link)).\n"))
            }
            return "body of \(slug)"
        case .articleTitle:
            articles[pick] = edited(article) { $0.set(LibraryArticle.Field.title, .string("\(word.capitalized) \(article.title)")) }
            return "title of \(slug)"
        case .articleSlug:
            articles[pick] = edited(article) { $0.set(LibraryArticle.Field.slug, .string(slug + "-\(word)")) }
            snapshot.library.popular = snapshot.library.popular.map { $0 == slug ? slug + "-\(word)" : $0 }
            return "slug of \(slug)"
        case .articleCategory:
            let category = snapshot.library.categories.randomElement(using: &random)
            articles[pick] = edited(article) {
                $0.set(LibraryArticle.Field.categorySlug, category.map { .string($0.slug) })
                $0.set(LibraryArticle.Field.categoryID, nil)
                $0.set(LibraryArticle.Field.category, nil)
            }
            return "category of \(slug)"
        case .articleTags:
            let tags: [JSONValue] = Bool.random(using: &random) ? [.string(word)] : article.tags.dropLast().map(JSONValue.string)
            articles[pick] = edited(article) { $0.set(LibraryArticle.Field.tags, .array(tags)) }
            return "tags of \(slug)"
        case .articleViews:
            let views = Int64.random(in: 0...100_000, using: &random)
            articles[pick] = edited(article) { $0.set(LibraryArticle.Field.viewCount, .int(views)) }
            return "views of \(slug)"
        case .articleDates:
            let updated: JSONValue? = Int.random(in: 0..<4, using: &random) == 0 ? nil : .string(date(using: &random))
            let published = date(using: &random)
            articles[pick] = edited(article) {
                $0.set(LibraryArticle.Field.updatedAt, updated)
                $0.set(LibraryArticle.Field.publishedAt, .string(published))
            }
            return "dates of \(slug)"
        case .articlePosition:
            let position: JSONValue? = Int.random(in: 0..<4, using: &random) == 0 ? nil : .int(Int64.random(in: 0...12, using: &random))
            articles[pick] = edited(article) { $0.set(JSONField("position"), position) }
            return "position of \(slug)"
        case .articleExcerpt:
            let excerpt: JSONValue? = Bool.random(using: &random) ? nil : .string("All about \(word).")
            articles[pick] = edited(article) { $0.set(LibraryArticle.Field.excerpt, excerpt) }
            return "excerpt of \(slug)"
        case .articleRemoved:
            articles.remove(at: pick)
            return "removed \(slug)"
        default:
            let number = number(using: &random)
            articles.append(edited(article) {
                $0.set(LibraryArticle.Field.id, .string("new-\(number)"))
                $0.set(LibraryArticle.Field.slug, .string("new-article-\(number)"))
                $0.set(LibraryArticle.Field.title, .string("New article about \(word)"))
            })
            return "added new-article-\(number)"
        }
    }

    static func editCategory(_ edit: SnapshotEdit, in snapshot: inout Snapshot, using random: inout SeededGenerator) -> String {
        var categories = snapshot.library.categories
        defer { snapshot.library.categories = categories }
        let word = word(using: &random)
        switch edit {
        case .categoryName:
            guard let index = categories.indices.randomElement(using: &random) else { return "no category to rename" }
            categories[index] = edited(categories[index]) { $0.set(CStar.Category.Field.name, .string("\(word.capitalized) and more")) }
            return "name of category \(categories[index].slug)"
        case .categoryOrder:
            categories.shuffle(using: &random)
            guard let index = categories.indices.randomElement(using: &random) else { return "no category to reorder" }
            let order = Int64.random(in: 0...10, using: &random)
            categories[index] = edited(categories[index]) { $0.set(CStar.Category.Field.sortOrder, .int(order)) }
            return "category order (\(categories[index].slug) to \(order))"
        case .categoryAdded:
            let number = number(using: &random)
            let category = CStar.Category(
                id: "category-\(number)", name: "\(word.capitalized) corner", slug: "\(word)-\(number)",
                description: "Everything about \(word).", sortOrder: Int.random(in: 0...10, using: &random))
            categories.append(category)
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                guard let pick = snapshot.library.articles.indices.randomElement(using: &random) else { break }
                snapshot.library.articles[pick] = edited(snapshot.library.articles[pick]) {
                    $0.set(LibraryArticle.Field.categorySlug, .string(category.slug))
                    $0.set(LibraryArticle.Field.categoryID, .string(category.id))
                    $0.set(LibraryArticle.Field.category, .string(category.name))
                }
            }
            return "added category \(category.slug)"
        default:
            guard categories.count > 1, let index = categories.indices.randomElement(using: &random) else {
                return "no category to remove"
            }
            return "removed category \(categories.remove(at: index).slug)"
        }
    }
}
