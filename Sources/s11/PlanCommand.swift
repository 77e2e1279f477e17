import ArgumentParser
import Foundation
import S11Core
import S11Store
import S11XML

/// `s11 plan draft|show|export|import`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Next year's action plan: draft it from the gaps, show it, export it for the board.",
        subcommands: [Draft.self, Show.self, Export.self, Import.self])

    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft the plan from the audit's gaps, one objective per gap, with actions from the catalogue's templates.")

        @Option(help: "First day of the plan (YYYY-MM-DD); default 1 January after the audit year.") var start: String?
        @Option(help: "The day of drafting, for document control (YYYY-MM-DD); default today.") var date: String?
        @Option(help: "The plan's owner; default the strategic safeguarding lead.") var owner: String?
        @Option(help: "The plan's author; default the owner.") var author: String?
        @Flag(help: "Replace a plan already drafted for this audit.") var replace = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() throws {
            try reportingFailures {
                let session = try AuditSession(db: storeOptions.db, selection: selection)
                let options = PlanDrafter.Options(
                    start: try parseDate(start, option: "--start") ?? PlanDrafter.Options.defaultStart(auditYear: session.audit.year),
                    today: try parseDate(date, option: "--date") ?? today(), owner: owner, author: author)
                let plan = try session.draftPlan(options: options, replace: replace)
                print("drafted \(plan.title): \(plan.objectives.count) objectives, \(plan.actions.count) actions under \(plan.standards.count) standards")
                print("next: s11 plan export --format xml --out plan.xml")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the plan as text.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() throws {
            try reportingFailures {
                let plan = try AuditStore(path: storeOptions.db).plan(selecting: selection.org, year: selection.year)
                print(PlanText(plan: plan).render(), terminator: "")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the plan as board XML, validated against plan.xsd.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case xml }

        @Option(help: "xml (the board format).") var format: Format = .xml
        @Option(help: "The file to write; standard output when absent.") var out: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() throws {
            try reportingFailures {
                let plan = try AuditStore(path: storeOptions.db).plan(selecting: selection.org, year: selection.year)
                let data = try PlanXML().write(plan)
                if let out {
                    try writeFile(data, to: out)
                    print("wrote \(out) (valid against plan.xsd)")
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a plan from board XML (validated against plan.xsd).")

        @Argument(help: "The plan XML file.") var file: String
        @Flag(help: "Replace the stored plan for the same organisation and year.") var replace = false
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reportingFailures {
                let plan = try PlanXML().read(data: readData(file), file: file)
                try AuditStore(path: storeOptions.db).savePlan(plan, replace: replace)
                print("imported \(plan.title) for \(plan.organisation) (\(plan.auditYear) audit): \(plan.objectives.count) objectives, \(plan.actions.count) actions")
            }
        }
    }
}

func parseDate(_ text: String?, option: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(iso: text) else { throw CLIError("\(option) '\(text)' is not a date; write YYYY-MM-DD") }
    return date
}

func today() -> CalendarDate {
    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
}
