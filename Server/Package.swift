// swift-tools-version: 6.2
// The TAXII 2.1 server (issue 19), outside the main package so that `swift build` of exportctl, its sanitizer runs
// and CI's main build never compile Hummingbird, SwiftNIO or GRDB. `exportctl serve` and `exportctl partners add`
// run the `exportctl-serve` executable built here: `swift build -c release --package-path Server`.
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "exportctl-server",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TAXIIServer", targets: ["TAXIIServer"]),
        .executable(name: "exportctl-serve", targets: ["exportctl-serve"]),
    ],
    dependencies: [
        .package(name: "exportctl", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // No traits: swift-configuration and full Foundation are not needed, and each adds build time.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // --tls-cert/--tls-key; already built for postgres-nio.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `--database postgres://…` (several instances on one state); pinned to the version the local copy holds.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already built for the main package: the partners file and the credential cache.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .target(
            name: "TAXIIServer",
            dependencies: [
                .product(name: "Export", package: "exportctl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "exportctl-serve",
            dependencies: [
                "TAXIIServer",
                .product(name: "Export", package: "exportctl"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TAXIIServerTests",
            dependencies: [
                "TAXIIServer",
                .product(name: "Export", package: "exportctl"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcomingFeatures
        ),
    ],
    swiftLanguageModes: [.v6]
)
