import CStar
import Foundation

/// Reading a snapshot through ``JSONValue/init(parsing:)`` instead of `JSONDecoder`: the same result
/// for every valid snapshot, several times faster. Anything unexpected gives up, and `JSONDecoder`
/// then reads the file again to explain what is wrong.
extension Snapshot {
    struct Unexpected: Error {}

    init(parsing root: JSONObject) throws {
        guard root["format"] == .string(Self.format), case .int(let version)? = root["version"],
            Self.supportedVersions.contains(Int(version))
        else { throw Unexpected() }
        self.version = Int(version)
        guard case .object(let team)? = root["team"], case .string(let slug)? = team["slug"] else { throw Unexpected() }
        self.team = Team(slug: slug, name: try Self.optionalString(team["name"]))
        self.team.extra = team.filter { !["slug", "name"].contains($0.key) }
        fetchedAt = try Self.optionalString(root["fetchedAt"])
        baseURL = try Self.optionalString(root["baseUrl"])
        guard case .object(let library)? = root["library"] else { throw Unexpected() }
        self.library = Library(
            categories: try Self.objects(library["categories"]), articles: try Self.objects(library["articles"]),
            popular: try Self.strings(library["popular"]), stats: try Self.optionalObject(library["stats"]))
        self.library.extra = library.filter { !["categories", "articles", "popular", "stats"].contains($0.key) }
        switch root["community"] {
        case nil, .null?:
            community = nil
        case .object(let community)?:
            var comments: [String: [Comment]] = [:]
            switch community["comments"] {
            case nil, .null?: break
            case .object(let byPost)?:
                for (post, list) in byPost {
                    guard case .array = list else { throw Unexpected() }
                    comments[post] = try Self.objects(list)
                }
            default: throw Unexpected()
            }
            self.community = Community(topics: try Self.objects(community["topics"]), posts: try Self.objects(community["posts"]), comments: comments)
            self.community?.extra = community.filter { !["topics", "posts", "comments"].contains($0.key) }
        default:
            throw Unexpected()
        }
        extra = root.filter { !["format", "version", "team", "fetchedAt", "baseUrl", "library", "community"].contains($0.key) }
    }

    private static func optionalString(_ value: JSONValue?) throws -> String? {
        switch value {
        case nil, .null?: nil
        case .string(let text)?: text
        default: throw Unexpected()
        }
    }

    private static func strings(_ value: JSONValue?) throws -> [String] {
        switch value {
        case nil, .null?: return []
        case .array(let values)?:
            return try values.map { value in
                guard case .string(let text) = value else { throw Unexpected() }
                return text
            }
        default: throw Unexpected()
        }
    }

    private static func object<Object: APIObject>(_ value: JSONValue) throws -> Object {
        guard case .object(let json) = value, Object.requiredFields.allSatisfy({ json.value($0) != nil }) else { throw Unexpected() }
        return Object(unchecked: json)
    }

    private static func optionalObject<Object: APIObject>(_ value: JSONValue?) throws -> Object? {
        guard let value, value != .null else { return nil }
        return try object(value)
    }

    private static func objects<Object: APIObject>(_ value: JSONValue?) throws -> [Object] {
        switch value {
        case nil, .null?: return []
        case .array(let values)?: return try values.map(object)
        default: throw Unexpected()
        }
    }
}
