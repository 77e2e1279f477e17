// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "s11",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "s11", targets: ["s11"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.1.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "S11Core"
        ),
        .target(
            name: "S11XML",
            dependencies: ["S11Core", "CLibXML2"],
            resources: [.copy("Schemas")]
        ),
        .target(
            name: "S11Store",
            dependencies: [
                "S11Core",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ]
        ),
        .target(
            name: "S11Reports",
            dependencies: [
                "S11Core", "S11XML", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "S11App",
            dependencies: [
                "S11Core", "S11XML", "S11Store", "S11Reports",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "S11Mail",
            dependencies: [
                "S11App",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "S11Scan",
            dependencies: [
                "S11App",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "S11SignOn",
            dependencies: [
                "S11App",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "S11Web",
            dependencies: [
                "S11Core", "S11Reports", "S11App",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Templates")]
        ),
        .executableTarget(
            name: "s11",
            dependencies: [
                "S11Core", "S11XML", "S11Reports", "S11App", "S11Mail", "S11Scan", "S11SignOn", "S11Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "s11-bench",
            dependencies: ["S11Core", "S11XML", "S11Store", "S11App"]
        ),
        .target(name: "S11TestSupport", path: "Tests/S11TestSupport"),
        .testTarget(name: "S11CoreTests", dependencies: ["S11Core", "S11TestSupport"]),
        .testTarget(name: "S11XMLTests", dependencies: ["S11XML", "S11Core", "S11TestSupport"]),
        .testTarget(name: "S11StoreTests", dependencies: [
            "S11TestSupport",
            "S11Store", "S11Core", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "S11ReportsTests", dependencies: [
            "S11Reports", "S11Core", "S11XML", "S11TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "S11WebTests", dependencies: [
            "S11Web", "S11App", "S11Core", "S11Store", "S11XML", "S11Scan", "S11SignOn", "S11TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
        ]),
        .testTarget(name: "S11AppTests", dependencies: ["S11App", "S11Core", "S11Store", "S11TestSupport"]),
        .testTarget(name: "S11MailTests", dependencies: [
            "S11Mail", "S11App", "S11Core", "S11TestSupport", .product(name: "Clocks", package: "swift-clocks"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["s11", "s11-bench", "S11TestSupport"]),
    ]
)
