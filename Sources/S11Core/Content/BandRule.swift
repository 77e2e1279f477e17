/// A RAG band of the self-assessment: the lowest percentage that reaches it and what it needs.
public struct BandRule: Sendable, Hashable {
    public var rag: Rag
    public var minPercent: Double
    /// The share of counted answers (N/A aside) that must give evidence, 0-100:
    /// 100 is "every point evidenced" (Oxfordshire's Blue), 50 "most evidenced" (its Green).
    public var minEvidencePercent: Double
    /// At least one answer must give a best-practice example ("no example, no Blue").
    public var needsExample: Bool

    /// `needsEvidence` is shorthand for every answer evidenced; `minEvidencePercent` sets another share.
    public init(rag: Rag, minPercent: Double, needsEvidence: Bool = false, minEvidencePercent: Double? = nil,
                needsExample: Bool = false) {
        self.rag = rag
        self.minPercent = minPercent
        self.minEvidencePercent = minEvidencePercent ?? (needsEvidence ? 100 : 0)
        self.needsExample = needsExample
    }

    /// Oxfordshire's bands: Blue 100% evidenced with an example, Green 75%, Amber 50%, Red below.
    public static let oxfordshire: [BandRule] = [
        BandRule(rag: .blue, minPercent: 100, needsEvidence: true, needsExample: true),
        BandRule(rag: .green, minPercent: 75),
        BandRule(rag: .amber, minPercent: 50),
        BandRule(rag: .red, minPercent: 0),
    ]
}

/// The boards' colours, best first.
public enum Rag: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case blue, green, amber, red

    public var label: String { rawValue.capitalized }

    /// The band's initial, as a heatmap's narrow cells show it: "R", "A", "G", "B".
    public var initial: String { String(rawValue.prefix(1)).uppercased() }

    /// Blue and Green are met; Amber and Red need an action.
    public var isGap: Bool { self == .amber || self == .red }

    private var rank: Int { Rag.allCases.firstIndex(of: self)! }
    /// Better colours sort first.
    public static func < (a: Rag, b: Rag) -> Bool { a.rank < b.rank }
}
