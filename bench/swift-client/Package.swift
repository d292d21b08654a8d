// swift-tools-version: 6.0
// The floor for any Swift client: the C client's work in Swift, with nothing else. scripts/bench
// builds it like cerebro-conn (release, static standard library) to show what the language
// and its runtime cost before cerebro-conn does anything of its own.
import PackageDescription

let package = Package(
    name: "swift-client",
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .executableTarget(name: "swift-client", dependencies: ["CLibPQ"]),
    ],
    swiftLanguageModes: [.v6]
)
