import ArgumentParser
import Foundation
import S11Core
import S11XML

/// `s11 responses import|template`.
struct Responses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take in officers' returns.", subcommands: [Import.self, Template.self, Reopen.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import officers' returns (XML or CSV, all files or none), or with --staff the staff survey's answers.")

        @Argument(help: "Return files (.xml or .csv), or with --staff the staff survey's CSV export.") var files: [String]
        @Flag(help: "The files are staff confidence survey answers: s11's CSV, or a SurveyMonkey or Microsoft Forms export.")
        var staff = false
        @Option(help: "With --staff: a CSV 'column,maps_to' naming the statement (or ignore) for export columns whose text does not match.")
        var mapping: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() throws {
            try reportingFailures {
                let session = try AuditSession(db: storeOptions.db, selection: selection)
                if staff {
                    for (file, count) in try session.importStaffResponses(files: files, mappingFile: mapping) {
                        print("imported \(count) anonymous staff responses from \(file) (identity columns and times dropped)")
                    }
                    return
                }
                let returns = try session.importReturns(files: files)
                let submitted = Set(try session.store.officerStatuses(auditID: session.audit.id)
                    .filter { $0.status == .submitted }.map(\.officer.email))
                let complete = returns.filter { submitted.contains($0.officerEmail) }.count
                print("imported \(returns.count) returns (\(complete) complete and submitted, \(returns.count - complete) in progress)")
            }
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the return an officer fills in: their questions, with guidance and options.")

        @Option(help: "The officer's e-mail address.") var officer: String
        @Option(help: "Write to this file instead of standard output.") var out: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() throws {
            try reportingFailures {
                let session = try AuditSession(db: storeOptions.db, selection: selection)
                guard let found = try session.store.officers(auditID: session.audit.id).first(where: { $0.email == officer.lowercased() }) else {
                    throw CLIError("no officer with e-mail '\(officer)' in \(session.audit.organisation) \(session.audit.year)")
                }
                let existing = try session.store.returns(audit: session.audit, includeUnsubmitted: true)
                    .first { $0.officerEmail == found.email }?.answers ?? []
                let data = ReturnXML().template(content: session.content, organisation: session.audit.organisation,
                                                year: session.audit.year, officer: found, existing: existing)
                try emit(data, to: out)
            }
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen an officer's submitted return so they can change it at their link.")

        @Option(help: "The officer's e-mail.") var officer: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() throws {
            try reportingFailures {
                let session = try AuditSession(db: storeOptions.db, selection: selection)
                try session.store.reopenReturn(officerEmail: officer, auditID: session.audit.id)
                print("reopened \(officer)'s return; it counts again once they submit it")
            }
        }
    }
}
