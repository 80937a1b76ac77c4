// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Wiec",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wiec", targets: ["wiec"]),
        .library(name: "WiecTally", targets: ["WiecTally"]),
        .library(name: "Pabulib", targets: ["Pabulib"]),
        .library(name: "WiecCore", targets: ["WiecCore"]),
        .library(name: "WiecLedger", targets: ["WiecLedger"]),
        .library(name: "WiecLedgerSQLite", targets: ["WiecLedgerSQLite"]),
        .library(name: "WiecLedgerPostgres", targets: ["WiecLedgerPostgres"]),
        .library(name: "WiecExchange", targets: ["WiecExchange"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // Tally rules over elections: pure, exact, no I/O.
        .target(name: "WiecTally"),
        // The pabulib `.pb` format, read and written exactly.
        .target(name: "Pabulib", dependencies: ["WiecTally"]),
        // Events, commands, phases and projections of an edition: pure, no I/O.
        .target(
            name: "WiecCore",
            dependencies: ["WiecTally", .product(name: "HashTreeCollections", package: "swift-collections")]
        ),
        // The append-only event log over any engine: hash chain, Merkle tree, checkpoints, the
        // one Appender, the engine protocol, verification and the audit bundle. No SQL, no GRDB.
        .target(
            name: "WiecLedger",
            dependencies: [
                "WiecCore", "WiecTally",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The ledger's engine on one SQLite file (GRDB): all of its SQL.
        .target(
            name: "WiecLedgerSQLite",
            dependencies: [
                "WiecLedger", "WiecCore", "WiecTally",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The ledger's engine on a PostgreSQL database (postgres-nio): all of its SQL.
        .target(
            name: "WiecLedgerPostgres",
            dependencies: [
                "WiecLedger", "WiecCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Wiec in pabulib's terms: `.pb` files as import commands, a pool as a `.pb`, the audit
        // bundle with its pools.
        .target(name: "WiecExchange", dependencies: ["WiecLedger", "WiecCore", "WiecTally", "Pabulib"]),
        // What the JSON API and the pages share: the command gateway and its group commit,
        // problems and their catalogue, text rules, staff accounts and resident tokens (over the
        // store's access engine).
        .target(
            name: "WiecGateway",
            dependencies: [
                "WiecCore", "WiecLedger",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The residents' pages: server-rendered HTML over the same gateway and projections as the API.
        .target(
            name: "WiecPages",
            dependencies: [
                "WiecCore", "WiecTally", "Pabulib", "WiecLedger", "WiecGateway",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/static"), .copy("Resources/catalogue")]
        ),
        // The HTTP front: JSON API, bearer auth, problem+json middleware, metrics.
        .target(
            name: "WiecServer",
            dependencies: [
                "WiecCore", "WiecTally", "Pabulib", "WiecLedger", "WiecLedgerSQLite", "WiecLedgerPostgres", "WiecExchange", "WiecGateway", "WiecPages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/openapi.json")]
        ),
        // The `wiec` commands; the executable only enters them.
        .target(
            name: "WiecCLI",
            dependencies: [
                "WiecTally", "Pabulib", "WiecCore", "WiecLedger", "WiecLedgerSQLite", "WiecLedgerPostgres", "WiecExchange", "WiecGateway", "WiecPages",
                "WiecServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "wiec", dependencies: ["WiecCLI"]),
        // Paths to the real elections in ../shared/pabulib and the samples in ballots/, the seeded
        // generator, an observed engine and the engines the store suites run on, for tests.
        .target(name: "WiecTestSupport", dependencies: ["WiecLedger", "WiecLedgerSQLite", "WiecLedgerPostgres"], path: "Tests/WiecTestSupport"),
        .testTarget(name: "WiecTallyTests", dependencies: ["WiecTally", "Pabulib", "WiecTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PabulibTests",
            dependencies: ["Pabulib", "WiecTally", "WiecTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "WiecCoreTests", dependencies: ["WiecCore", "WiecTally"]),
        .testTarget(
            name: "WiecLedgerTests",
            dependencies: [
                "WiecLedger", "WiecLedgerSQLite", "WiecLedgerPostgres", "WiecExchange", "WiecCore", "WiecTally", "Pabulib", "WiecTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "WiecGatewayTests", dependencies: ["WiecGateway", "WiecCore", "WiecLedger", "WiecLedgerSQLite", "WiecTally", "WiecTestSupport"]),
        .testTarget(
            name: "WiecServerTests",
            dependencies: [
                "WiecServer", "WiecGateway", "WiecCore", "WiecTally", "Pabulib", "WiecLedger", "WiecLedgerSQLite", "WiecExchange",
                "WiecTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "WiecPagesTests",
            dependencies: [
                "WiecPages", "WiecServer", "WiecGateway", "WiecCore", "WiecTally", "WiecLedger", "WiecLedgerSQLite", "WiecTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "WiecCLITests",
            dependencies: ["WiecCLI", "wiec", "Pabulib", "WiecTally", "WiecCore", "WiecLedger", "WiecLedgerSQLite", "WiecTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
