import S11Core

/// The round as CSV for the board's spreadsheets: one row per organisation that submitted and per
/// line of what it submitted (overall, each standard, each requirement), with the self percent
/// and band, the moderated percent (the panel's scores in place of the self scores) and band,
/// the band the board goes by and whether it is a gap.
public struct RoundCSV: Sendable {
    public static let header = ["organisation", "sector", "level", "id", "percent", "rag", "moderated_percent", "moderated_rag", "effective_rag", "gap"]

    public init() {}

    public func write(_ picture: RoundPicture) -> String {
        var rows = [Self.header]
        for organisation in picture.submitted {
            for score in organisation.scores where [.overall, .standard, .requirement].contains(score.kind) {
                rows.append([organisation.organisation, organisation.sector, score.kind.rawValue, score.scopeID,
                             score.percent.map { PercentText.format($0) } ?? "", score.rag?.rawValue ?? "",
                             score.moderatedPercent.map { PercentText.format($0) } ?? "", score.moderated?.rawValue ?? "",
                             score.effectiveRag?.rawValue ?? "", score.kind == .requirement ? (score.isGap ? "yes" : "no") : ""])
            }
        }
        return rows.map { $0.map(PlanCSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
