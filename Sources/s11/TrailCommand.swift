import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports

/// `s11 trail`: an audit's record of every change, who made it and when, before and after.
struct TrailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trail",
        abstract: "Print an audit's trail of changes (answers, evidence, returns' status): when, who, what, before and after.",
        discussion: "The staff survey is never in it. --csv prints it as CSV for a spreadsheet.")

    @Option(help: "Only the changes to this officer's return (their e-mail address).") var officer: String?
    @Option(help: "Only the changes to this requirement's answers (its question id, such as 1.2).") var requirement: String?
    @Option(help: "Only changes on or after this day (YYYY-MM-DD).") var from: String?
    @Option(help: "Only changes on or before this day (YYYY-MM-DD).") var to: String?
    @Option(help: "The council's time zone, in which days and times are read and printed.") var timeZone = "Europe/London"
    @Flag(help: "Print CSV instead of text.") var csv = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func run() async throws {
        try await reportingFailures {
            let zone = try councilTimeZone(timeZone)
            let filter = TrailFilter(officer: officer, item: requirement, from: try parseDate(from, option: "--from"), to: try parseDate(to, option: "--to"))
            let session = try await storeOptions.session(selection, settings: AppSettings(moments: MomentWords(timeZone: zone)))
            let entries = try await session.trail(filter)
            if csv {
                print(TrailCSV(timeZone: zone).write(entries), terminator: "")
                return
            }
            let moments = MomentWords(timeZone: zone)
            if entries.isEmpty { print("no change to \(session.audit.organisation)'s \(session.audit.year) audit is in the trail\(officer == nil && requirement == nil && from == nil && to == nil ? "" : " that the options select")") }
            for entry in entries {
                let about = [entry.officer, entry.item.map { "requirement \($0)" }, entry.field].compactMap { $0 }.joined(separator: ", ")
                print("\(moments.text(entry.at))  \(entry.who)  \(entry.subject.rawValue)\(about.isEmpty ? "" : " (\(about))"): \(Self.value(entry.old)) -> \(Self.value(entry.new))")
            }
        }
    }

    /// A value as the text line shows it: quoted, or "(none)".
    static func value(_ text: String?) -> String {
        text.map { "\"\($0.replacingOccurrences(of: "\n", with: " "))\"" } ?? "(none)"
    }
}
