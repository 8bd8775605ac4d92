// swift-tools-version: 6.1
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

/// One line per format (docs/ARCHITECTURE.md, "How to add a format"): its folder under Sources/, what it uses
/// besides ExportSharing (ExportXML for an XML format, an outside package), and the files in the folder that are
/// not sources. The target and the registry's dependency on it follow from the line.
let formats: [(name: String, uses: [Target.Dependency], exclude: [String])] = [
    ("FormatSTIX21", [], ["MAPPING.md"]),
    ("FormatSTIX12", ["ExportXML"], ["MAPPING.md"]),
    ("FormatReportXML", ["ExportXML"], []),
    ("FormatMISP", [.product(name: "Crypto", package: "swift-crypto")], ["MAPPING.md"]),
    ("FormatAuthoring", [.product(name: "Yams", package: "Yams")], []),
]

let package = Package(
    name: "exportctl",
    products: [
        .library(name: "Export", targets: ["Export"]),
        // For the fuzz package (Fuzz/) and benchmarks only; the Export library does not re-export it.
        .library(name: "ExportDevSupport", targets: ["ExportDevSupport"]),
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
        // The layers, lowest first. Scripts/check-layers.py keeps the arrows pointing down; docs/ARCHITECTURE.md
        // draws them.
        .target(
            name: "ExportCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcomingFeatures
        ),
        .target(name: "ExportXML", dependencies: ["ExportCore", "CLibXML"], swiftSettings: upcomingFeatures),
        .target(name: "ExportSharing", dependencies: ["ExportCore"], swiftSettings: upcomingFeatures),
        // The formats: one target each, from the `formats` table above.
    ] + formats.map { format in
        .target(
            name: format.name, dependencies: ["ExportSharing"] + format.uses, exclude: format.exclude,
            swiftSettings: upcomingFeatures
        )
    } + [
        .target(
            name: "Export",
            dependencies: ["ExportCore", "ExportXML", "ExportSharing"] + formats.map { .target(name: $0.name) },
            swiftSettings: upcomingFeatures
        ),
        .target(name: "ExportDevSupport", dependencies: ["Export"], swiftSettings: upcomingFeatures),
        .executableTarget(
            name: "exportctl",
            dependencies: [
                "Export", "ExportDevSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ExportTestSupport",
            dependencies: ["Export", "ExportDevSupport"],
            path: "Tests/ExportTestSupport",
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ExportTests",
            dependencies: ["Export", "ExportDevSupport", "ExportTestSupport"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ExportCtlTests",
            dependencies: [
                "Export", "ExportDevSupport", "ExportTestSupport", "exportctl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
    ],
    swiftLanguageModes: [.v6]
)
