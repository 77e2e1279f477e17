import ArgumentParser
import Foundation
import S11App
import S11Core

/// `s11 audit open|list|status`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Open an audit cycle, list audits, see who has returned.",
        subcommands: [Open.self, List.self, Status.self])

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open",
            abstract: "Open an audit for an organisation and year, pinning the current Standards/ and Surveys/.")

        @Option(help: "The organisation, e.g. \"Oxford City Council\".") var org: String
        @Option(help: "The audit year, e.g. 2026.") var year: Int
        @Option(help: "The self-assessment survey id, when Surveys/ holds several.") var survey: String?
        @Flag(help: "Start from last year's audit: its officers, and their answers and evidence as starting values, marked as carried until each officer confirms or changes them.")
        var fromLast = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var contentOptions: ContentOptions

        func validate() throws {
            guard (2000...2100).contains(year) else { throw ValidationError("--year \(year) is not a plausible audit year") }
        }

        func run() async throws {
            try await reportingFailures {
                let session = try await storeOptions.app().audits.open(organisation: org, year: year, surveyID: survey,
                                                                        root: try contentOptions.root(), carryFromLastYear: fromLast)
                let content = session.content
                print("opened the \(session.audit.year) audit for \(session.audit.organisation): catalogue \(content.catalogue.id) \(content.catalogue.version) (\(content.catalogue.requirements.count) requirements), survey \(content.selfAssessment.id) \(content.selfAssessment.version)")
                if fromLast {
                    let statuses = try await session.officerStatuses()
                    print("from \(year - 1): \(statuses.count) officers, \(statuses.map(\.carried).reduce(0, +)) answers carried as starting values; each officer confirms or changes them by returning this year's form")
                    print("next: s11 officers import OFFICERS.csv (to update the list), then s11 invite")
                } else {
                    print("next: s11 officers import OFFICERS.csv")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the audits in the database.")
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let directory = try await storeOptions.app().audits
                let audits = try await directory.summaries(of: directory.all())
                if audits.isEmpty { print("no audits yet; start one with 's11 audit open --org NAME --year YYYY'") }
                for summary in audits {
                    let audit = summary.audit
                    print("\(audit.year)  \(audit.organisation)  \(summary.submitted)/\(summary.officers) returns submitted  opened \(audit.openedAt)")
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Who has returned and who has not.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let session = try await storeOptions.session(selection)
                let statuses = try await session.officerStatuses()
                print("\(session.audit.organisation) \(session.audit.year): \(statuses.filter { $0.status == .submitted }.count) of \(statuses.count) officers have submitted")
                guard !statuses.isEmpty else {
                    print("no officers yet; add them with 's11 officers import OFFICERS.csv'")
                    return
                }
                let rows = statuses.map { status -> [String] in
                    let asked = session.content.questions(forRole: status.officer.role).count
                    return [status.officer.serviceArea, status.officer.name, status.officer.email,
                            session.content.selfAssessment.roleLabel(status.officer.role),
                            status.status.label + (status.carried > 0 ? " (\(status.carried) carried)" : ""),
                            "\(status.answered)/\(asked)", status.invited ? "yes" : "no"]
                }
                print(TextTable(header: ["Service area", "Officer", "E-mail", "Role", "Return", "Answered", "Invited"], rows: rows).render())
            }
        }
    }
}
