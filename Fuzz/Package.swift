// swift-tools-version: 6.1
// libFuzzer targets for exportctl, outside the main package so `swift build` and CI never build them.
// Build and run with Fuzz/run.sh (see Fuzz/README.md); a plain `swift build` here links no libFuzzer and fails.
import PackageDescription

let export: Target.Dependency = .product(name: "ExportDevSupport", package: "exportctl")

let package = Package(
    name: "exportctl-fuzz",
    dependencies: [.package(name: "exportctl", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-authoring", dependencies: ["FuzzDriver", export]),
        .executableTarget(name: "fuzz-report-xml", dependencies: ["FuzzDriver", export]),
        .executableTarget(name: "fuzz-sharing", dependencies: ["FuzzDriver", export]),
        .executableTarget(name: "fuzz-stix21", dependencies: ["FuzzDriver", export]),
    ],
    swiftLanguageModes: [.v6]
)
