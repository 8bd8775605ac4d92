// swift-tools-version: 6.1
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "exportctl",
    products: [
        .library(name: "Export", targets: ["Export"]),
        .executable(name: "exportctl", targets: ["exportctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "Export",
            dependencies: [
                "CLibXML",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Formats/MISP/MAPPING.md", "Formats/STIX12/MAPPING.md", "Formats/STIX21/MAPPING.md"],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "exportctl",
            dependencies: [
                "Export",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ExportTestSupport",
            dependencies: ["Export"],
            path: "Tests/ExportTestSupport",
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ExportTests",
            dependencies: ["Export", "ExportTestSupport"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ExportCtlTests",
            dependencies: [
                "Export", "ExportTestSupport", "exportctl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
    ],
    swiftLanguageModes: [.v6]
)
