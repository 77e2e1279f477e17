import ArgumentParser
import Foundation
import S11App
import S11Mail

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

/// `--sendmail CMD --mail-from ADDRESS`: the council's mail program, which s11 hands each message to.
struct MailOptions: ParsableArguments {
    @Option(name: .customLong("sendmail"), help: ArgumentHelp(
        "A sendmail-compatible program that takes a message on standard input, e.g. \"msmtp -t\" or \"/usr/sbin/sendmail -t -i\".",
        discussion: "Without --sendmail: $S11_SENDMAIL when set.", valueName: "command"))
    var given: String?

    @Option(help: "The From line of invitations and reminders; default $S11_MAIL_FROM, else \(Invitations.defaultFrom).")
    var mailFrom: String?

    var from: String {
        mailFrom ?? ProcessInfo.processInfo.environment["S11_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? Invitations.defaultFrom
    }

    /// The configured program, or nil when none is configured; refused when it names no program.
    func program() throws -> SendmailProgram? {
        guard let command = given ?? ProcessInfo.processInfo.environment["S11_SENDMAIL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return nil
        }
        guard let program = SendmailProgram(command: command) else {
            throw CLIError("the mail program '\(command)' names no program (an unclosed quote?); give one such as \"msmtp -t\"")
        }
        return program
    }
}

extension StoreOptions {
    /// The application over the store `--db` names (opened, and its schema brought up to date).
    func app(_ settings: AppSettings = AppSettings()) async throws -> S11App {
        try await S11App.open(database: db, settings: settings)
    }

    /// The use cases of the audit `selection` names.
    func session(_ selection: AuditSelection, settings: AppSettings = AppSettings()) async throws -> AuditSession {
        try await app(settings).session(organisation: selection.org, year: selection.year)
    }
}

/// The time zone `--time-zone` names (an IANA name such as Europe/London), or a refusal saying so.
func councilTimeZone(_ name: String) throws -> TimeZone {
    guard let zone = TimeZone(identifier: name) else {
        throw CLIError("--time-zone: '\(name)' is not a time zone this machine knows; name one as IANA does, for example Europe/London")
    }
    return zone
}
