import ArgumentParser
import Foundation
import S11Core

/// `s11 score`: the scorecard as a table or JSON.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the submitted returns: per requirement, standard, service area and organisation, with RAG bands.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "table or json.") var format: Format = .table
    @Flag(help: "With --format table: list every requirement, not only the gaps.") var requirements = false
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func run() throws {
        try reportingFailures {
            let session = try AuditSession(db: storeOptions.db, selection: selection)
            let card = try session.scorecard()
            let gaps = GapFinder().gaps(in: card)
            let text: String
            switch format {
            case .table: text = ScorecardText(card: card, gaps: gaps, content: session.content).render(allRequirements: requirements)
            case .json: text = try ScorecardJSON(card: card, gaps: gaps).render()
            }
            if let out {
                try writeFile(Data(text.utf8), to: out)
                print("wrote \(out)")
            } else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}

/// The scorecard as JSON: the card's figures and the gaps with their reasons in words.
struct ScorecardJSON: Encodable {
    struct GapLine: Encodable {
        var requirement: String
        var standard: String
        var why: String
        var weakestServiceArea: String?
    }

    var scorecard: Scorecard
    var gaps: [GapLine]

    init(card: Scorecard, gaps: [Gap]) {
        scorecard = card
        self.gaps = gaps.map { GapLine(requirement: $0.requirementID, standard: $0.standardID, why: $0.explanation,
                                       weakestServiceArea: $0.weakestServiceArea) }
    }

    func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// The scorecard as terminal text.
struct ScorecardText {
    let card: Scorecard
    let gaps: [Gap]
    let content: AuditContent

    func render(allRequirements: Bool) -> String {
        var out = "\(card.organisation) \(card.year) self-assessment: \(card.returns) returns scored\n\n"
        out += TextTable(header: ["Standard", "Score", "RAG", "Gaps"], rows: card.standards.map { standard in
            ["\(standard.number). \(standard.title)"] + cells(standard.rating)
                + [String(gaps.filter { $0.standardID == standard.standardID }.count)]
        } + [["Organisation"] + cells(card.overall) + [String(gaps.count)]]).render()
        if !card.serviceAreas.isEmpty {
            out += "\n\nService areas\n"
            out += TextTable(header: ["Service area", "Score", "RAG"] + card.standards.map { $0.standardID },
                             rows: card.serviceAreas.map { area in
                [area.serviceArea] + cells(area.overall)
                    + card.standards.map { standard in area.standards[standard.standardID].map(short) ?? "-" }
            }).render()
        }
        if allRequirements {
            out += "\n\nRequirements\n"
            out += TextTable(header: ["Id", "Score", "RAG", "Answers", "Note"], rows: card.requirements.map { requirement in
                [requirement.requirementID] + cells(requirement.rating)
                    + [requirement.answers.map { "\($0.serviceArea): \($0.optionLabel)" }.joined(separator: "; "),
                       requirement.rating.capped ?? ""]
            }).render()
        }
        out += "\n\nGaps (\(gaps.count)): each becomes an objective in 's11 plan draft'\n"
        for gap in gaps {
            let statement = content.catalogue.requirement(gap.requirementID)?.statement ?? ""
            out += "- \(gap.requirementID) \(statement)\n  \(gap.explanation)\n"
        }
        let na = card.requirements.flatMap { requirement in
            requirement.answers.filter(\.isNotApplicable).map { "- \(requirement.requirementID) \($0.serviceArea) (\($0.officerName)): \($0.naReason ?? "")" }
        }
        if !na.isEmpty { out += "\nNot applicable (left out of the scores)\n" + na.joined(separator: "\n") + "\n" }
        return out
    }

    private func cells(_ rating: Rating) -> [String] {
        [rating.percent.map { PercentText.format($0) + "%" } ?? "-", rating.rag?.label ?? "-"]
    }

    private func short(_ rating: Rating) -> String {
        guard let percent = rating.percent, let rag = rating.rag else { return "-" }
        return "\(Int(percent.rounded()))% \(rag.rawValue.prefix(1).uppercased())"
    }
}
