import ArgumentParser
import Foundation
import S11App
import S11Core

/// `s11 evidence export`: an audit's evidence documents as one ZIP, a folder per standard and
/// requirement, with an index.csv.
struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evidence",
        abstract: "The officers' evidence documents.",
        subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export",
            abstract: "Write an audit's evidence documents as one ZIP: a folder per standard and requirement, and index.csv (file, requirement, service area, uploaded, SHA-256).")

        @Option(help: "The ZIP to write (default: evidence-ORGANISATION-YEAR.zip in the current folder). An existing file is not overwritten.")
        var out: String?
        @Option(help: "The council's time zone, in which index.csv gives when each was uploaded.") var timeZone = "Europe/London"
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let app = try await storeOptions.app(AppSettings(moments: MomentWords(timeZone: try councilTimeZone(timeZone))))
                let session = try await app.session(organisation: selection.org, year: selection.year)
                let bundle = EvidenceBundle(documents: app.documents, session: session)
                let path = out ?? bundle.fileName
                guard !FileManager.default.fileExists(atPath: path) else {
                    throw CLIError("\(path) exists already; name another file with --out, or move it away")
                }
                let count = try await bundle.write(to: URL(fileURLWithPath: path), for: nil)
                print("wrote \(path): \(Counted(count, "document")) of \(session.audit.organisation)'s \(session.audit.year) audit, and index.csv")
            }
        }
    }
}
