import Foundation

/// Every file and folder a build reads, and every place it writes or replaces, checked against each
/// other before anything is read or written: no build may delete, replace or read back its own inputs.
///
/// The output folder is replaced whole, so it may hold no input; the files a build writes (the slug
/// history, the build cache, the report) may not be one of its inputs or lie in a folder it reads; and
/// the folder each written file goes in must exist before the site is replaced. Paths are compared as
/// the kernel resolves them: relative paths, `..` and symbolic links lead to the same place.
public struct BuildLocations: Sendable {
    /// What a location is to the build, named as the command line names it.
    public enum Role: String, Sendable, CaseIterable {
        case output, snapshot, templates, publicFolder, slugHistory, cache, report

        /// How a message names the location, e.g. "the snapshot file".
        var noun: String {
            switch self {
            case .output: "the output folder"
            case .snapshot: "the snapshot file"
            case .templates: "the templates folder"
            case .publicFolder: "the public folder"
            case .slugHistory: "the slug history"
            case .cache: "the build cache folder"
            case .report: "the report file"
            }
        }

        var option: String {
            switch self {
            case .publicFolder: "--public"
            case .slugHistory: "--slug-history"
            default: "--\(rawValue)"
            }
        }

        var isFolder: Bool { [.output, .templates, .publicFolder, .cache].contains(self) }
        /// Locations whose content the build reads.
        var isRead: Bool { [.snapshot, .templates, .publicFolder, .slugHistory].contains(self) }
        /// Files the build (or its caller, for the report) writes over.
        var isWrittenFile: Bool { [.slugHistory, .report].contains(self) }
    }

    struct Location {
        var role: Role
        var url: URL
        var real: String
        /// The location as given, and where it really is when links lead elsewhere.
        var described: String {
            "\(role.noun) \(url.relativePath)" + (url.standardizedFileURL.path == real ? "" : " (which is \(real))") + " (\(role.option))"
        }
    }

    let locations: [Location]
    /// The build cache file inside the cache folder, the one file the cache writes.
    let cacheFile: String?

    /// - Parameters:
    ///   - snapshotFile: the snapshot the build reads, when it reads one from a file.
    ///   - reportFile: where the caller writes the build report, so it is checked with the rest.
    public init(options: SiteOptions, snapshotFile: URL? = nil, reportFile: URL? = nil) {
        let given: [(Role, URL?)] = [
            (.output, options.output), (.snapshot, snapshotFile), (.templates, options.templates),
            (.publicFolder, options.publicFolder), (.slugHistory, options.slugHistory), (.cache, options.cacheFolder),
            (.report, reportFile),
        ]
        locations = given.compactMap { role, url in url.map { Location(role: role, url: $0, real: RealPath.of($0)) } }
        cacheFile = options.cacheFolder.map { RealPath.of(BuildCache.file(in: $0, output: options.output)) }
    }

    /// A reason the build may not run, and the locations it involves.
    public struct Conflict: Sendable, CustomStringConvertible {
        public var roles: Set<Role>
        public var description: String
    }

    /// Throws a ``BuildError`` naming the locations of the first conflict found.
    public func check() throws {
        if let first = conflicts().first { throw BuildError.output(first.description) }
    }

    /// Every conflict between the locations, in a fixed order.
    public func conflicts() -> [Conflict] {
        var found: [Conflict] = []
        func conflict(_ roles: Role..., message: String) {
            found.append(Conflict(roles: Set(roles), description: "refusing to build: " + message))
        }
        if let output = locations.first(where: { $0.role == .output }) {
            for location in locations where location.role != .output {
                if RealPath.isWithin(location.real, output.real) {
                    conflict(.output, location.role, message: "\(output.described) holds \(location.described); replacing the folder would delete it. Move it out of the folder, or choose another --output")
                } else if location.role.isFolder, RealPath.isWithin(output.real, location.real) {
                    conflict(.output, location.role, message: "\(output.described) lies inside \(location.described), which the build \(location.role.isRead ? "reads" : "writes"); choose an --output outside it")
                }
            }
        }
        for written in locations where written.role.isWrittenFile || written.role == .cache {
            for other in locations where other.role != written.role && other.role != .output {
                guard other.role.isRead || other.role.isWrittenFile else { continue }
                let readFolder = other.role.isFolder && other.role.isRead
                if readFolder ? RealPath.isWithin(written.real, other.real) : written.real == other.real {
                    conflict(written.role, other.role, message: "\(written.described) \(readFolder ? "lies inside" : "is") \(other.described); writing it would change an input of the build. Choose another \(written.role.option)")
                }
            }
        }
        if let cacheFile {
            for file in locations where !file.role.isFolder && file.real == cacheFile {
                conflict(file.role, .cache, message: "\(file.described) is the build cache's own file \(cacheFile); choose another --cache")
            }
        }
        for written in locations where written.role.isWrittenFile {
            if let problem = unwritable(written) { conflict(written.role, message: problem) }
        }
        return found
    }

    /// Why a file the build writes cannot be written: it is a folder, or its folder does not exist (found
    /// now, so the build fails before the site is replaced rather than after).
    private func unwritable(_ location: Location) -> String? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: location.real, isDirectory: &isFolder), isFolder.boolValue {
            return "\(location.described) is a folder, not a file"
        }
        let folder = (location.real as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return "the folder of \(location.described) does not exist: \(folder); create it first"
        }
        return nil
    }
}
