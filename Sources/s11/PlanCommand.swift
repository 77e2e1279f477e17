import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports
import S11XML

/// `s11 plan draft|show|update|version|export|import`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Next year's action plan: draft it from the gaps, show it, export it for the board.",
        subcommands: [Draft.self, Show.self, Update.self, Version.self, Export.self, Import.self])

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "draft",
            abstract: "Draft the plan from the audit's gaps, one objective per gap up to a limit, with actions from the catalogue's templates.")

        @Option(help: "First day of the plan (YYYY-MM-DD); default 1 January after the audit year.") var start: String?
        @Option(help: "The day of drafting, for document control (YYYY-MM-DD); default today.") var date: String?
        @Option(help: "The plan's owner; default the strategic safeguarding lead.") var owner: String?
        @Option(help: "The plan's author; default the owner.") var author: String?
        @Option(help: "Last year's plan as board XML, to carry forward; default last year's plan in the store, if any.")
        var previous: String?
        @Flag(help: "With --previous: carry forward a plan from an audit other than last year's.") var anyYear = false
        @Option(help: "At most this many objectives from the gaps, the weightiest first; the rest go to the appendix 'Areas to keep under review'. Default: the survey's maxObjectives, else 20.")
        var maxObjectives: Int?
        @Flag(help: "Replace a plan already drafted for this audit.") var replace = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                if let maxObjectives, maxObjectives < 1 {
                    throw CLIError("--max-objectives must be 1 or more, not \(maxObjectives); the gaps beyond it are kept under review")
                }
                let session = try await storeOptions.session(selection)
                let last = if let previous {
                    try PlanXML().read(data: InputFiles.data(previous), file: previous)
                } else {
                    try await session.lastYearsPlan()
                }
                if let last, let refusal = last.refusalToCarry(into: session.audit.organisation, auditYear: session.audit.year, anyYear: anyYear) {
                    throw CLIError("\(previous ?? "last year's plan") cannot be carried forward: \(refusal)")
                }
                let options = PlanDrafter.Options(
                    start: try parseDate(start, option: "--start") ?? PlanDrafter.Options.defaultStart(auditYear: session.audit.year),
                    today: try parseDate(date, option: "--date") ?? today(), owner: owner, author: author, previous: last,
                    maxObjectives: maxObjectives)
                let plan = try await session.draftPlan(options: options, replace: replace)
                print("drafted \(plan.title): \(plan.objectives.count) objectives, \(plan.actions.count) actions under \(plan.standards.count) standards"
                      + (plan.underReview.isEmpty ? "" : "; \(plan.underReview.count) more gaps kept under review in the appendix"))
                if let last {
                    let carried = plan.actions.filter { $0.carried != nil }.count
                    print("from \(last.title): \(carried) unfinished actions carried forward, \(plan.completed.count) completed in the appendix")
                }
                print("next: s11 plan export --format xml --out plan.xml")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the plan as text, or only its overdue actions.")
        @Flag(help: "Only the actions past their timescale that are not Blue.") var overdue = false
        @Option(help: "With --overdue: the day to judge by (YYYY-MM-DD); default today.") var on: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let plan = try await storeOptions.app().plan(organisation: selection.org, year: selection.year)
                let text = overdue ? PlanText(plan: plan).overdue(on: try parseDate(on, option: "--on") ?? today())
                    : PlanText(plan: plan).render()
                print(text, terminator: "")
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update",
            abstract: "Record an action's status, progress, due date, lead or wording; every change is kept with who, when, old and new.")

        @Option(help: "The action's id, e.g. A3.1.") var action: String
        @Option(help: "B (completed), G (on target), A (risk of not completing on time) or R (high risk, remedial action needed).")
        var status: ActionStatus?
        @Option(help: "A progress note.") var progress: String?
        @Option(help: "A new due date (YYYY-MM-DD).") var due: String?
        @Option(help: "The lead who answers for the action, then anyone working with them as \"with NAME\", separated by ';' (\"Dani Granito; with Laura Jones\").") var lead: String?
        @Option(name: .customLong("for"), help: "With --status or --progress: the lead whose own status and progress these are.") var forLead: String?
        @Option(name: .customLong("action-text"), help: "The action in new words.") var input: String?
        @Option(help: "The desired outcome in new words.") var outcome: String?
        @Option(help: "How success is measured, in new words.") var measure: String?
        @Option(help: "The timescale in words, e.g. \"Quarterly meetings\".") var timescale: String?
        @Option(help: "Who makes the change, for the history.") var by: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let change = PlanUpdater.Change(status: status, progress: progress, due: try parseDate(due, option: "--due"), lead: lead,
                                                input: input, outcome: outcome, measure: measure, timescale: timescale, forLead: forLead)
                let at = Date()
                let updated = try await editing(storeOptions, selection).update(actionID: action, change: change, by: by, at: at)
                let stamp = ISO8601DateFormatter().string(from: at)
                let changed = updated.actions.first { $0.id.lowercased() == action.lowercased() }
                print("updated \(changed?.id ?? action): " + (changed?.history.filter { $0.at == stamp && $0.by == by } ?? [])
                    .map { "\($0.field) \($0.old ?? "none") -> \($0.new ?? "none")" }.joined(separator: "; "))
            }
        }
    }

    struct Version: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "version",
            abstract: "Raise the plan's version (0.1 -> 0.2, or 1.0 with --major) and record why in its version history.")

        @Option(help: "Why the version changes, e.g. \"Signed off by cabinet\".") var note: String
        @Option(help: "Who makes the change.") var by: String
        @Flag(help: "A new major version (e.g. when the plan is signed off).") var major = false
        @Option(help: "The review date (YYYY-MM-DD); default today.") var date: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let day = try parseDate(date, option: "--date") ?? today()
                let updated = try await editing(storeOptions, selection).signOff(note: note, major: major, by: by, on: day)
                let dc = updated.documentControl
                print("\(updated.title) is now version \(dc.version ?? "") (\(note)); next review due \(dc.nextReviewDue.map { "\($0)" } ?? "not set")")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the plan as board XML, validated against plan.xsd.")

        @Option(help: """
            xml (the board format, validated against plan.xsd), csv (one row per action and lead), html (one printable page), \
            docx (Word, for committee papers; needs --out) or poam (OSCAL-style plan of action and milestones, validated against poam.xsd).
            """)
        var format: PlanFormat = .xml
        @Option(help: "The file to write; standard output when absent.") var out: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let plan = try await storeOptions.app().plan(organisation: selection.org, year: selection.year)
                if format == .docx && out == nil { throw CLIError("a Word document is not text: give --out FILE.docx") }
                try emit(try format.write(plan), to: out, note: format.schema.map { " (valid against \($0))" } ?? "")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Import a plan from board XML (version 2, validated against plan.xsd; version 1 files are upgraded).")

        @Argument(help: "The plan XML file.") var file: String
        @Flag(help: "Replace the stored plan for the same organisation and year.") var replace = false
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let plan = try PlanXML().read(data: InputFiles.data(file), file: file)
                try await storeOptions.app().importPlan(plan, replace: replace)
                print("imported \(plan.title) for \(plan.organisation) (\(plan.auditYear) audit): \(plan.objectives.count) objectives, \(plan.actions.count) actions")
            }
        }
    }
}

/// The selected stored plan, for changing through the application's `PlanEditing`.
private func editing(_ storeOptions: StoreOptions, _ selection: AuditSelection) async throws -> PlanEditing {
    let app = try await storeOptions.app()
    let plan = try await app.plan(organisation: selection.org, year: selection.year)
    return app.planEditing(organisation: plan.organisation, year: plan.auditYear)
}

func parseDate(_ text: String?, option: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(iso: text) else { throw CLIError("\(option) '\(text)' is not a date; write YYYY-MM-DD") }
    return date
}

/// Now as ISO 8601 UTC to the second, for the history of changes.
func today() -> CalendarDate { CalendarDate(Date(), in: .current) }

extension ActionStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
extension PlanFormat: ExpressibleByArgument {}
