import CStar
import CStarSnapshot
import Foundation
import SyntheticCorpus

/// Edits of the community: posts and comments.
extension SnapshotEdits {
    static func editPost(_ edit: SnapshotEdit, in snapshot: inout Snapshot, using random: inout SeededGenerator) -> String {
        var community = snapshot.community!
        defer { snapshot.community = community }
        guard let index = community.posts.indices.randomElement(using: &random) else { return "no post to edit" }
        let post = community.posts[index]
        let word = word(using: &random)
        switch edit {
        case .postBody:
            community.posts[index] = edited(post) { $0.set(Post.Field.body, .string(post.body + "\n\nAlso \(word).")) }
            return "body of post \(post.slug)"
        case .postVotes:
            let votes = Int64.random(in: 0...500, using: &random)
            community.posts[index] = edited(post) { $0.set(Post.Field.voteCount, .int(votes)) }
            return "votes of post \(post.slug)"
        case .postStatus:
            let statuses = ["open", "answered", "officially_answered", "planned", "not_planned", "completed", "under_review"]
            let status = statuses.randomElement(using: &random)!
            community.posts[index] = edited(post) { $0.set(Post.Field.status, .string(status)) }
            return "status of post \(post.slug)"
        case .postTopic:
            guard let topic = community.topics.randomElement(using: &random) else { return "no topic" }
            community.posts[index] = edited(post) {
                $0.set(Post.Field.topicID, .string(topic.id))
                $0.set(Post.Field.topic, .object(["id": .string(topic.id), "name": .string(topic.name), "slug": .string(topic.slug)]))
            }
            return "topic of post \(post.slug)"
        case .postRemoved:
            community.posts.remove(at: index)
            return "removed post \(post.slug)"
        default:
            let number = number(using: &random)
            let slug = "new-post-\(number)"
            let created = date(using: &random)
            community.posts.append(edited(post) {
                $0.set(Post.Field.id, .string("post-\(number)"))
                $0.set(Post.Field.slug, .string(slug))
                $0.set(Post.Field.title, .string("A question about \(word)"))
                $0.set(Post.Field.createdAt, .string(created))
            })
            if Bool.random(using: &random) {
                community.comments[slug] = [CStar.Comment(
                    id: "k-\(number)", postID: "post-\(number)", body: "Same here with \(word).", authorName: "Ana",
                    createdAt: created)]
            }
            return "added post \(slug)"
        }
    }

    static func editComment(_ edit: SnapshotEdit, in snapshot: inout Snapshot, using random: inout SeededGenerator) -> String {
        var community = snapshot.community!
        defer { snapshot.community = community }
        let word = word(using: &random)
        // The comments' keys sorted: a dictionary's order differs from one process to the next.
        let commented = community.comments.keys.sorted().filter { !(community.comments[$0] ?? []).isEmpty }
        switch edit {
        case .commentEdited:
            guard let slug = commented.randomElement(using: &random) else { return "no comment to edit" }
            let index = community.comments[slug]!.indices.randomElement(using: &random)!
            let comment = community.comments[slug]![index]
            let official = Int.random(in: 0..<3, using: &random) == 0
            community.comments[slug]![index] = edited(comment) {
                $0.set(CStar.Comment.Field.body, .string(comment.body + " (Edited: \(word).)"))
                if official { $0.set(CStar.Comment.Field.isOfficialAnswer, .bool(!comment.isOfficialAnswer)) }
            }
            return "edited a comment on \(slug)"
        case .commentRemoved:
            guard let slug = commented.randomElement(using: &random) else { return "no comment to remove" }
            community.comments[slug]!.remove(at: community.comments[slug]!.indices.randomElement(using: &random)!)
            return "removed a comment on \(slug)"
        default:
            guard let post = community.posts.randomElement(using: &random) else { return "no post to comment on" }
            let number = number(using: &random)
            community.comments[post.slug, default: []].append(CStar.Comment(
                id: "k-\(number)", postID: post.id, body: "What about \(word)?", authorName: "Sam",
                createdAt: "2026-11-20T10:00:00Z"))
            return "comment on \(post.slug)"
        }
    }
}
