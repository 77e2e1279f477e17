import Foundation

/// Where the tests keep their stores. By default each test gets an SQLite store of its own; with
/// `S11_TEST_DATABASE_URL` set to a PostgreSQL database (one the tests may fill: .ci/run starts a
/// throwaway server), each gets a schema of its own on that server instead, so the same suite runs
/// on both engines. Tests of what only one engine has (SQLite's file, WAL and backups) say so.
public enum TestDatabase {
    /// The PostgreSQL database the suite runs on, if any.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["S11_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether this run keeps its stores on PostgreSQL.
    public static var onPostgres: Bool { postgresURL != nil }

    /// A new, empty store for one test: a fresh PostgreSQL schema, or `sqlite` (an in-memory
    /// SQLite database unless a file path is given).
    public static func fresh(sqlite: String = ":memory:") -> String {
        freshPostgres() ?? sqlite
    }

    /// A new schema on the test server, or nil when the suite runs on SQLite only.
    public static func freshPostgres() -> String? {
        guard let url = postgresURL else { return nil }
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return url + (url.contains("?") ? "&" : "?") + "schema=" + schema
    }
}
