import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports

/// `s11 score`: the scorecard as a table or JSON.
struct Score: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "score",
        abstract: "Score the submitted returns: per requirement, standard, service area and organisation, with RAG bands.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, html }

    @Option(help: "table, json, csv (one row per requirement, standard and service area) or html (the board report: one self-contained page).")
    var format: Format = .table
    @Flag(help: "With --format table: list every requirement, not only the gaps.") var requirements = false
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Option(help: "Show movement per standard since this year's audit of the same organisation, e.g. 2025.") var compare: Int?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func run() async throws {
        try await reportingFailures {
            let app = try await storeOptions.app()
            let (session, counted) = try await app.sessionCounting(organisation: selection.org, year: selection.year)
            let card = try await session.scorecard()
            let staff = try await session.staffResults(counted: counted)
            let gaps = GapFinder().gaps(in: card, staff: staff)
            var previous: Scorecard?
            if let compare {
                previous = try await app.session(organisation: session.audit.organisation, year: compare).scorecard()
            }
            let text: String
            switch format {
            case .table:
                text = await ScorecardText(card: card, gaps: gaps, content: session.content,
                                     trail: try session.moderationTrail(), previous: previous,
                                     staff: staff)
                    .render(allRequirements: requirements)
            case .json: text = try ScorecardJSON(card: card, gaps: gaps, previous: previous, staff: staff).render()
            case .csv: text = ScorecardCSV().write(card, gaps: gaps, staff: staff)
            case .html:
                text = await ScorecardHTML(card: card, gaps: gaps, catalogue: session.content.catalogue,
                                     trail: try session.moderationTrail(), previous: previous,
                                     staff: staff).render()
            }
            try emit(Data((text.hasSuffix("\n") || out != nil ? text : text + "\n").utf8), to: out)
        }
    }
}
