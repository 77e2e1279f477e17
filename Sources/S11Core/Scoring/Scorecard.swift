/// The scored audit: per requirement, standard, service area and organisation.
public struct Scorecard: Sendable, Hashable, Codable {
    public var organisation: String
    public var year: Int
    public var catalogueID: String
    public var catalogueVersion: String
    /// Officers whose returns were scored.
    public var returns: Int
    public var overall: Rating
    public var standards: [StandardScore]
    public var serviceAreas: [ServiceAreaScore]
    /// The organisation's percentage with the panel's scores in place of the self scores, when
    /// any requirement was moderated on the scale.
    public var moderatedOverall: Rating?

    public init(organisation: String, year: Int, catalogueID: String, catalogueVersion: String, returns: Int,
                overall: Rating, standards: [StandardScore], serviceAreas: [ServiceAreaScore]) {
        self.organisation = organisation
        self.year = year
        self.catalogueID = catalogueID
        self.catalogueVersion = catalogueVersion
        self.returns = returns
        self.overall = overall
        self.standards = standards
        self.serviceAreas = serviceAreas
    }

    public var requirements: [RequirementScore] { standards.flatMap(\.requirements) }

    public func requirement(_ id: String) -> RequirementScore? { requirements.first { $0.requirementID == id } }

    /// The self rating of a requirement or standard; nil for one the card does not have.
    public func rating(of scope: Moderation.Scope) -> Rating? {
        switch scope {
        case .requirement(let id): requirement(id)?.rating
        case .standard(let id): standards.first { $0.standardID == id }?.rating
        }
    }
}

/// A percentage and its RAG band; both nil when nothing in scope was answered (all N/A or no returns).
public struct Rating: Sendable, Hashable, Codable {
    public var percent: Double?
    public var rag: Rag?
    /// Why the band is lower than the percentage alone would give, e.g. no best-practice example.
    public var capped: String?

    public init(percent: Double?, rag: Rag?, capped: String? = nil) {
        self.percent = percent
        self.rag = rag
        self.capped = capped
    }

    public static let unrated = Rating(percent: nil, rag: nil)

    /// "76.5% Green", or "unrated".
    public var text: String {
        guard let percent else { return "unrated" }
        return PercentText.format(percent) + "%" + (rag.map { " \($0.label)" } ?? "")
    }
}

/// One officer's scored answer to a requirement.
public struct ScoredAnswer: Sendable, Hashable, Codable {
    public var officerName: String
    public var officerEmail: String
    public var serviceArea: String
    /// The option value, or `na`.
    public var option: String
    public var optionLabel: String
    /// Nil for N/A, which is left out of every score.
    public var percent: Double?
    public var isGapOption: Bool
    public var evidence: String?
    public var example: String?
    public var naReason: String?
    /// The officer's proposal for improving, when they gave one.
    public var improvement: Improvement?
    /// The documents attached to the answer as evidence.
    public var documents: [DocumentMention] = []

    public var isNotApplicable: Bool { percent == nil }

    /// The service area in words; for an area folded out of sight (`ServiceAreaFolding`), a
    /// phrase that names none.
    public var serviceAreaInWords: String { serviceArea.isEmpty ? "A service area too small to name" : serviceArea }
}

/// A requirement's combined score across the officers who answered it.
public struct RequirementScore: Sendable, Hashable, Codable {
    public var requirementID: String
    public var standardID: String
    public var statement: String
    public var weight: Double
    public var answers: [ScoredAnswer]
    public var rating: Rating
    /// Scale steps between the highest and lowest answer; 2 or more is inconsistent practice.
    public var spread: Int
    /// The moderated rating, when the requirement was moderated; it decides the gap.
    public var moderation: Moderation?
    /// The panel's score on the scale as a percentage and band, when moderated on the scale.
    public var moderatedRating: Rating? = nil

    /// The band that counts: the moderated one when there is one, else the self rating's.
    public var effectiveRag: Rag? { moderation?.rag ?? rating.rag }
}

/// A standard's weighted score.
public struct StandardScore: Sendable, Hashable, Codable {
    public var standardID: String
    public var number: Int
    public var title: String
    public var rating: Rating
    public var requirements: [RequirementScore]
    /// The moderated rating, when the standard was moderated.
    public var moderation: Moderation?
    /// The standard's percentage with the panel's scores in place of the self scores of the
    /// requirements moderated on the scale; nil when none was.
    public var moderatedRating: Rating? = nil

    /// The band that counts: the standard's own moderated band, else the band of its moderated
    /// percentage, else the self rating's.
    public var effectiveRag: Rag? { moderation?.rag ?? moderatedRating?.rag ?? rating.rag }
}

/// A service area's score per standard and overall, from its own officers' answers.
public struct ServiceAreaScore: Sendable, Hashable, Codable {
    public var serviceArea: String
    public var overall: Rating
    /// Keyed by standard id; standards the area did not answer are absent.
    public var standards: [String: Rating]
}
