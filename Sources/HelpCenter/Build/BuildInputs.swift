import CStarSnapshot
import Foundation
import HelpCenterResources

/// What a build reads besides the content: the theme, the static files, the build cache, and the
/// fingerprint of everything that shapes every page.
struct BuildInputs {
    var theme: Theme
    /// The theme's static files, then the overlay's, by output path.
    var assets: [(path: String, data: Data)]
    /// Public files left out because they link outside their folder.
    var skippedAssets: [String]
    /// A hash of every static file's path and bytes.
    var assetsKey: UInt64
    /// A hash of the generator, the theme, the options and the output folder (see ``BuildCache/environment``).
    var environment: UInt64
    var cacheFile: URL?
    /// The last build's cache, when there is a usable one.
    var cache: BuildCache?
    /// The slug history, when the build keeps one, and a hash of its file.
    var history: SlugHistory?
    var historyKey: UInt64 = 0

    init(options: SiteOptions) throws {
        if let conflict = options.siteURLConflict { throw BuildError.input(conflict) }
        theme = try Theme(overrides: options.templates)
        var files: [String: URL] = [:]
        var skipped: [String] = []
        for folder in [try DefaultTheme.publicFolder()] + (options.publicFolder.map { [$0] } ?? []) {
            let found = try AssetCopier.files(in: folder)
            for file in found.files { files[file.path] = file.url }
            skipped += found.skipped
        }
        var assetsHasher = StableHasher()
        assets = try files.sorted { $0.key < $1.key }.map { path, url in
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw BuildError.input("cannot read \(url.path): \(FileErrorReason.reason(error))")
            }
            assetsHasher.combine(path)
            assetsHasher.combine(data)
            return (path, data)
        }
        skippedAssets = skipped
        assetsKey = assetsHasher.finalize()

        var hasher = StableHasher(BuildCache.formatVersion)
        hasher.combine(Self.generatorIdentity)
        hasher.combine(theme.fingerprint)
        hasher.combine(options.output.standardizedFileURL.path)
        hasher.combine(options.siteURL?.absoluteString)
        hasher.combine(options.basePath)
        hasher.combine(options.allowArticleHTML)
        hasher.combine(options.feedbackAPI?.absoluteString)
        hasher.combine(options.postsPerPage)
        hasher.combine(options.language)
        hasher.combine(options.teamName)
        environment = hasher.finalize()
        let cacheFile = options.cacheFolder.map { BuildCache.file(in: $0, output: options.output) }
        self.cacheFile = cacheFile
        let environment = self.environment
        cache = cacheFile.flatMap { BuildCache.load(from: $0, environment: environment) }
        if let url = options.slugHistory {
            // Read once: the bytes are both the history and part of the inputs' hash.
            let data = try SlugHistory.fileData(at: url)
            history = try data.map { try SlugHistory(data: $0, path: url.path) } ?? SlugHistory()
            historyKey = StableHasher.hash(data ?? Data())
        }
    }

    /// The running executable's path, size and modification time: a new build of the generator may
    /// render differently, so it never trusts an older one's cache.
    static let generatorIdentity: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let stamp = FileStamp(path: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        return "\(path) \(stamp?.size ?? 0) \(stamp?.modified ?? 0)"
    }()
}
