// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "helpcenter",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CStar", targets: ["CStar"]),
        .library(name: "CStarSnapshot", targets: ["CStarSnapshot"]),
        .library(name: "CStarEmulator", targets: ["CStarEmulator"]),
        .library(name: "HelpCenter", targets: ["HelpCenter"]),
        .executable(name: "helpcenter", targets: ["helpcenter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The cStar SDK: Foundation only, no third-party dependency.
        .target(name: "CStar"),
        // The snapshot file: model, reading and writing, and fetching one through the SDK.
        .target(name: "CStarSnapshot", dependencies: ["CStar"]),
        // A local emulator of the cStar public API, serving a snapshot over HTTP.
        .target(
            name: "CStarEmulator",
            dependencies: [
                "CStar", "CStarSnapshot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The built-in demo help center, a snapshot shipped as a resource.
        .target(name: "HelpCenterDemo", dependencies: ["CStarSnapshot"], resources: [.copy("Resources/demo-snapshot.json")]),
        // cmark-gfm, the system library from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // The static site generator.
        .target(name: "HelpCenter", dependencies: ["CStar", "CStarSnapshot", "CCmarkGFM"]),
        .executableTarget(
            name: "helpcenter",
            dependencies: [
                "CStar", "CStarSnapshot", "CStarEmulator", "HelpCenter", "HelpCenterDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "HelpCenterTests", dependencies: ["HelpCenter", "CStar", "CStarSnapshot", "HelpCenterDemo"]),
        .testTarget(
            name: "CStarTests",
            dependencies: ["CStar", "CStarSnapshot", "CStarEmulator", "HelpCenterDemo"]
        ),
    ]
)
