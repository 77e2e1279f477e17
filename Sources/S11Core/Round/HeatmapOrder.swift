/// The orders a board can put its heatmap in. By default the organisations most in need of
/// challenge come first: the lowest overall as the board holds it (moderated where moderated),
/// unrated last.
public enum HeatmapOrder: String, Sendable, CaseIterable {
    case worstFirst = "worst"
    case name
    case sector
    case mostReds = "reds"

    /// How a person reads the choice.
    public var label: String {
        switch self {
        case .worstFirst: "Lowest overall first"
        case .name: "Name"
        case .sector: "Sector, then lowest overall"
        case .mostReds: "Most Red standards first"
        }
    }

    /// `submitted` in this order; names in natural order break every tie.
    public func sorted(_ submitted: [RoundPicture.Submitted]) -> [RoundPicture.Submitted] {
        func overall(_ organisation: RoundPicture.Submitted) -> Double { organisation.overall?.boardPercent ?? .infinity }
        func byName(_ a: RoundPicture.Submitted, _ b: RoundPicture.Submitted) -> Bool { NaturalOrder.precedes(a.organisation, b.organisation) }
        func worst(_ a: RoundPicture.Submitted, _ b: RoundPicture.Submitted) -> Bool {
            overall(a) != overall(b) ? overall(a) < overall(b) : byName(a, b)
        }
        return submitted.sorted { a, b in
            switch self {
            case .worstFirst: return worst(a, b)
            case .name: return byName(a, b)
            case .sector: return a.sector != b.sector ? NaturalOrder.precedes(a.sector, b.sector) : worst(a, b)
            case .mostReds: return a.redStandards != b.redStandards ? a.redStandards > b.redStandards : worst(a, b)
            }
        }
    }
}
