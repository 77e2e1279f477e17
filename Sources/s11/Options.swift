import ArgumentParser
import Foundation

/// `--db PATH|URL`: the store every command works on: an SQLite file, or a PostgreSQL server.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The s11 store: an SQLite file (created when missing), or a PostgreSQL server as postgres://USER:PASSWORD@HOST:PORT/DATABASE.",
        discussion: "Without --db: $S11_DATABASE_URL when set, else s11.sqlite in the current folder.",
        valueName: "path-or-url"))
    var given: String?

    /// The store named by --db, else by S11_DATABASE_URL, else s11.sqlite.
    var db: String {
        given ?? ProcessInfo.processInfo.environment["S11_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "s11.sqlite"
    }
}

/// `--org NAME --year YYYY`: which audit; may be left out when the database holds only one.
struct AuditSelection: ParsableArguments {
    @Option(name: .long, help: "The organisation whose audit this is (optional when only one audit is open).")
    var org: String?

    @Option(name: .long, help: "The audit year (optional when only one audit is open).")
    var year: Int?
}

/// `--content DIR`: where Standards/ and Surveys/ are.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "Folder holding Standards/ and Surveys/ (default: the current folder, else the s11 checkout).")
    var content: String?

    /// The folder to read, found as documented on `--content`.
    func root() throws -> URL {
        if let content { return URL(fileURLWithPath: content) }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if Self.holdsContent(here) { return here }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if Self.holdsContent(folder) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        throw ValidationError("cannot find Standards/ and Surveys/; run s11 in the folder that holds them or pass --content DIR")
    }

    static func holdsContent(_ folder: URL) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: folder.appendingPathComponent("Standards").path)
            && manager.fileExists(atPath: folder.appendingPathComponent("Surveys").path)
    }
}
