import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports
import S11XML

/// `s11 example`: a whole audit cycle on the example officers and returns that ship with s11.
struct Example: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "example",
        abstract: "Run a complete audit cycle on the shipped example council and print what it wrote.")

    @Option(help: "Folder for the example's database and outputs (replaced on each run).") var out: String = "s11-example"
    @Option(help: "The database to use; default OUT/s11.sqlite, made afresh.") var db: String?
    @OptionGroup var contentOptions: ContentOptions

    static let organisation = "Riverside District Council"
    static let year = 2026

    func run() async throws {
        try await reportingFailures {
            let built = try await Self.build(out: out, db: db, root: try contentOptions.root(), baseURL: "http://127.0.0.1:8080")
            print("\nIn the browser: run 's11 serve --db \(built.database)' (or 's11 serve --example'), then open")
            if let (name, link) = built.waiting { print("  \(name)'s return (not sent yet): \(link)") }
            print("  the staff survey: \(built.staffLink)")
            print("\nwrote:")
            for path in built.wrote { print("  \(path)") }
        }
    }

    /// What the example cycle made: its database, a link of an officer yet to return, the staff
    /// survey's link and the files written (the board XML last).
    struct Built {
        var database: String
        var waiting: (name: String, link: String)?
        var staffLink: String
        var wrote: [String]
    }

    /// Runs the whole cycle on the shipped example, printing each step.
    static func build(out: String, db: String?, root: URL, baseURL: String) async throws -> Built {
        let examples = root.appendingPathComponent("Examples")
        let officersFile = examples.appendingPathComponent("officers.csv").path
        let returnsFolder = examples.appendingPathComponent("returns")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: returnsFolder.path) else {
            throw CLIError("cannot find the example returns in \(returnsFolder.path)")
        }
        let returnFiles = names.filter { $0.hasSuffix(".xml") }.sorted().map { returnsFolder.appendingPathComponent($0).path }

        let databasePath = db ?? "\(out)/s11.sqlite"
        if db == nil {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let app = try await S11App.open(database: databasePath, settings: AppSettings(baseURL: baseURL))

        print("1. check: Standards/ and Surveys/ are valid")
        let session = try await app.audits.open(organisation: organisation, year: year, surveyID: nil, root: root)
        print("2. audit open: \(organisation) \(year), pinned catalogue \(session.content.catalogue.id) \(session.content.catalogue.version)")
        let officers = try await session.importOfficers(file: officersFile)
        print("3. officers import: \(officers.added) officers from \(officersFile)")
        let issued = try await session.issueLinks(reissue: false)
        let invitations = try await session.invitations
            .write(.invitation, issued: issued, to: URL(fileURLWithPath: "\(out)/invitations"))
        print("4. invite: \(issued.count) links, written to \(out)/invitations/")
        let returns = try await session.returns.importFiles(returnFiles)
        print("5. responses import: \(returns.count) returns")
        let staffFile = examples.appendingPathComponent("staff/surveymonkey-2026.csv").path
        let staffCount = try await session.importStaffResponses(files: [staffFile], mappingFile: nil).map(\.answerSets).reduce(0, +)
        print("6. staff survey: \(staffCount) anonymous responses from a SurveyMonkey export (identity columns dropped)")
        let card = try await session.scorecard()
        let staff = try await session.staffResults()
        let gaps = GapFinder().gaps(in: card, staff: staff)
        let scorePath = "\(out)/scorecard.txt"
        try writeFile(Data(ScorecardText(card: card, gaps: gaps, content: session.content, trail: [], staff: staff).render(allRequirements: true).utf8), to: scorePath)
        let jsonPath = "\(out)/scorecard.json"
        try writeFile(Data(try ScorecardJSON(card: card, gaps: gaps, staff: staff).render().utf8), to: jsonPath)
        let reportPath = "\(out)/report.html"
        try writeFile(Data(ScorecardHTML(card: card, gaps: gaps, catalogue: session.content.catalogue, staff: staff).render().utf8), to: reportPath)
        print("7. score: organisation \(card.overall.percent.map { PercentText.format($0) + "%" } ?? "-") \(card.overall.rag?.label ?? ""), \(gaps.count) gaps")
        let plan = try await session.draftPlan(
            options: PlanDrafter.Options(start: PlanDrafter.Options.defaultStart(auditYear: Self.year), today: today()),
            replace: true)
        let planTextPath = "\(out)/plan.txt"
        try writeFile(Data(PlanText(plan: plan).render().utf8), to: planTextPath)
        print("8. plan draft: \(plan.objectives.count) objectives, \(plan.actions.count) actions")
        let planPath = "\(out)/plan.xml"
        try writeFile(try PlanXML().write(plan), to: planPath)
        print("9. plan export: valid against plan.xsd")
        let waiting = try await session.officerStatuses().first { $0.status != .submitted }
        let waitingLink = waiting.flatMap { waiting in
            issued.first { $0.officer.email == waiting.officer.email }.map { (waiting.officer.name, "\(baseURL)/r/\($0.token)") }
        }
        let staffLink = try await session.issueStaffLink(baseURL: baseURL)
        return Built(database: databasePath, waiting: waitingLink, staffLink: staffLink,
                     wrote: [databasePath, "\(out)/invitations/ (\(invitations.count) files)", scorePath, jsonPath, reportPath,
                             planTextPath, planPath])
    }
}
