import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL store is, read from a `postgres://user:password@host:port/database` URL as
/// libpq reads one, with these query parameters: `sslmode` (disable, prefer (the default) or
/// require), `host` (a folder holding the server's Unix socket, instead of a network host),
/// `port` (when the URL gives none),
/// `schema` (keep s11's tables in this schema, created when missing, so one database can hold
/// several stores) and `pool` (connections kept open, 10 by default).
public struct PostgresLocation: Sendable {
    /// How to open one connection (to check the server before the pool opens any).
    public var configuration: PostgresConnection.Configuration
    /// The same server, user and options for the pool (`PostgresClient`).
    public var clientConfiguration: PostgresClient.Configuration
    public var schema: String?
    public var poolSize: Int
    /// The URL without its password, for messages.
    public var redacted: String

    /// Whether `location` names a PostgreSQL server rather than an SQLite file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    public init(url text: String) throws {
        guard Self.isURL(text), let url = URLComponents(string: text) else {
            throw StoreError("'\(text)' is not a PostgreSQL URL; write postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        var redactedURL = url
        if redactedURL.password != nil { redactedURL.password = "***" }
        redacted = redactedURL.string ?? "postgres://"
        let parameters = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let known: Set = ["sslmode", "host", "port", "schema", "pool"]
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw StoreError("\(redacted): unknown parameter '\(unknown)'; s11 reads \(known.sorted().joined(separator: ", "))")
        }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard let port = url.port ?? Int(parameters["port"] ?? "5432") else {
            throw StoreError("\(redacted): port '\(parameters["port"] ?? "")' is not a number")
        }
        let username = url.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let password = url.password, name = database.isEmpty ? nil : database
        if let socketFolder = parameters["host"], socketFolder.hasPrefix("/") {
            let socket = socketFolder + "/.s.PGSQL.\(port)"
            configuration = PostgresConnection.Configuration(unixSocketPath: socket, username: username, password: password, database: name)
            clientConfiguration = PostgresClient.Configuration(unixSocketPath: socket, username: username, password: password, database: name)
        } else {
            let host = url.host.flatMap { $0.isEmpty ? nil : $0 } ?? parameters["host"] ?? "localhost"
            let tls = try Self.tls(parameters["sslmode"], in: redacted)
            configuration = PostgresConnection.Configuration(host: host, port: port, username: username, password: password,
                                                             database: name, tls: try tls.connection())
            clientConfiguration = PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                                               database: name, tls: tls.client)
        }
        configuration.options.connectTimeout = .seconds(10)
        clientConfiguration.options.connectTimeout = .seconds(10)
        schema = parameters["schema"]
        if let schema, schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) == nil {
            throw StoreError("\(redacted): schema '\(schema)' must be lower-case letters, digits and _, starting with a letter")
        }
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
            clientConfiguration.options.additionalStartupParameters = [("search_path", schema)]
        }
        if let pool = parameters["pool"] {
            guard let size = Int(pool), (1...200).contains(size) else {
                throw StoreError("\(redacted): pool must be a number of connections from 1 to 200, not '\(pool)'")
            }
            poolSize = size
        } else {
            poolSize = 10
        }
        clientConfiguration.options.maximumConnections = poolSize
    }

    /// The TLS a `sslmode` asks for, for one connection and for the pool.
    private struct TLSMode {
        var mode: String
        var client: PostgresClient.Configuration.TLS

        func connection() throws -> PostgresConnection.Configuration.TLS {
            switch mode {
            case "disable": .disable
            case "prefer": .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        }
    }

    private static func tls(_ mode: String?, in url: String) throws -> TLSMode {
        switch mode ?? "prefer" {
        case "disable": return TLSMode(mode: "disable", client: .disable)
        case "prefer": return TLSMode(mode: "prefer", client: .prefer(.makeClientConfiguration()))
        case "require": return TLSMode(mode: "require", client: .require(.makeClientConfiguration()))
        case let other: throw StoreError("\(url): sslmode '\(other)' is not one s11 knows; use disable, prefer or require")
        }
    }
}
