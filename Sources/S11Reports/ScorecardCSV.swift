import S11Core

/// The scorecard as CSV for spreadsheets: one row per requirement, standard, service area and
/// the organisation, with the self rating, the moderated percentage (where the panel scored on the
/// scale) and band and, for requirements, why it is a
/// gap; then the staff survey's statements (overall and by service area, small groups suppressed)
/// with their 95% interval, target and change since last year.
public struct ScorecardCSV: Sendable {
    public static let header = ["level", "id", "title", "service_area", "percent", "rag", "moderated_percent", "moderated_rag", "capped_because",
                                "answers", "spread", "gap", "why", "low95", "high95", "target", "previous_percent", "change_points",
                                "significant"]

    public init() {}

    public func write(_ card: Scorecard, gaps: [Gap], staff: StaffResults? = nil) -> String {
        var rows = [Self.header]
        func percent(_ rating: Rating) -> String { rating.percent.map { PercentText.format($0) } ?? "" }
        func moderated(_ rating: Rating?) -> String { rating.map(percent) ?? "" }
        rows.append(["organisation", "", card.organisation, "", percent(card.overall), card.overall.rag?.rawValue ?? "",
                     moderated(card.moderatedOverall), card.moderatedOverall?.rag?.rawValue ?? "", card.overall.capped ?? "", "", "", "", ""])
        for standard in card.standards {
            rows.append(["standard", standard.standardID, standard.title, "", percent(standard.rating), standard.rating.rag?.rawValue ?? "",
                         moderated(standard.moderatedRating), (standard.moderation?.rag ?? standard.moderatedRating?.rag)?.rawValue ?? "",
                         standard.rating.capped ?? "", "", "",
                         String(gaps.filter { $0.standardID == standard.standardID }.count), ""])
            for requirement in standard.requirements {
                let gap = gaps.first { $0.requirementID == requirement.requirementID }
                rows.append(["requirement", requirement.requirementID, requirement.statement, "", percent(requirement.rating),
                             requirement.rating.rag?.rawValue ?? "", moderated(requirement.moderatedRating), requirement.moderation?.rag.rawValue ?? "",
                             requirement.rating.capped ?? "", String(requirement.answers.count), String(requirement.spread),
                             gap == nil ? "no" : "yes", gap?.explanation ?? ""])
            }
        }
        for area in card.serviceAreas {
            rows.append(["service_area", "", area.serviceArea, area.serviceArea, percent(area.overall), area.overall.rag?.rawValue ?? "",
                         "", "", area.overall.capped ?? "", "", "", "", ""])
            for standard in card.standards {
                guard let rating = area.standards[standard.standardID] else { continue }
                rows.append(["service_area_standard", standard.standardID, standard.title, area.serviceArea, percent(rating),
                             rating.rag?.rawValue ?? "", "", "", rating.capped ?? "", "", "", "", ""])
            }
        }
        rows = rows.map { $0 + Array(repeating: "", count: Self.header.count - $0.count) }
        if let staff { rows += staffRows(staff) }
        return rows.map { $0.map(PlanCSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private func staffRows(_ staff: StaffResults) -> [[String]] {
        func number(_ value: Double?) -> String { value.map { PercentText.format($0) } ?? "" }
        func row(_ statement: StaffResults.StatementResult, area: String, _ figure: StaffResults.Figure, change: StaffResults.Change?) -> [String] {
            ["staff_statement", statement.statementID, statement.text, area, figure.suppressed ? "suppressed" : number(figure.percent),
             "", "", "", "", figure.agreeing.map { String($0.total) } ?? "", "", statement.isGap && area.isEmpty ? "yes" : "",
             area.isEmpty ? statement.gapReasons.joined(separator: " ") : "", number(figure.interval?.low), number(figure.interval?.high),
             number(statement.targetPercent), number(change?.previous.percent), number(change?.points),
             change.map { $0.significant ? "yes" : "no" } ?? ""]
        }
        var rows: [[String]] = []
        for statement in staff.statements {
            rows.append(row(statement, area: "", statement.overall, change: statement.change))
            for area in staff.serviceAreas {
                if let figure = statement.byServiceArea[area.value] { rows.append(row(statement, area: area.label, figure, change: nil)) }
            }
        }
        return rows
    }
}
