/// Everything an audit is run against: the catalogue, the shared scales and the two surveys.
/// An audit pins this content when it is opened, so later edits to the files never change it.
public struct AuditContent: Sendable, Hashable {
    public var catalogue: Catalogue
    public var scales: [Scale]
    public var selfAssessment: Survey
    public var staffSurvey: Survey?

    public init(catalogue: Catalogue, scales: [Scale], selfAssessment: Survey, staffSurvey: Survey? = nil) {
        self.catalogue = catalogue
        self.scales = scales
        self.selfAssessment = selfAssessment
        self.staffSurvey = staffSurvey
    }

    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }

    /// The RAG bands, best first; Oxfordshire's when the survey names none.
    public var bands: [BandRule] {
        let declared = selfAssessment.bands.sorted { $0.minPercent > $1.minPercent }
        return declared.isEmpty ? BandRule.oxfordshire : declared
    }

    /// The questions an officer in `roleID` answers, in survey order.
    public func questions(forRole roleID: String) -> [Question] {
        selfAssessment.sections(forRole: roleID).flatMap(\.questions)
    }
}
