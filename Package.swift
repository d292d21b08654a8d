// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cerebro-conn",
    products: [
        .executable(name: "cerebro-conn", targets: ["cerebro-conn"]),
        .library(name: "CerebroConn", targets: ["CerebroConn"]),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CJansson",
            pkgConfig: "jansson",
            providers: [.apt(["libjansson-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // Functions for what OpenSSL offers only as macros; compiler and linker flags come
        // from COpenSSL, that is from pkg-config.
        .target(
            name: "CCerebroCrypto",
            dependencies: ["COpenSSL"]
        ),
        .target(
            name: "CerebroConn",
            dependencies: ["CLibPQ", "COpenSSL", "CCerebroCrypto", "CJansson"]
        ),
        .target(name: "CTextWidth"),
        // The signal handlers that give a terminal its echo back: they must be
        // async-signal-safe, which only C can promise.
        .target(name: "CTerminalEcho"),
        .target(
            name: "CerebroCLI",
            dependencies: ["CerebroConn", "CTextWidth", "CTerminalEcho"]
        ),
        .executableTarget(
            name: "cerebro-conn",
            dependencies: ["CerebroCLI"]
        ),
        .testTarget(
            name: "CerebroConnTests",
            dependencies: ["CerebroConn"]
        ),
        .testTarget(
            name: "CerebroCLITests",
            dependencies: ["CerebroCLI", "CerebroConn"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
