/// All the catalogues, crosswalks, scales and surveys read from Standards/ and Surveys/.
public struct ContentLibrary: Sendable, Hashable {
    public var catalogues: [Catalogue]
    public var scales: [Scale]
    public var surveys: [Survey]
    public var crosswalks: [Crosswalk]

    public init(catalogues: [Catalogue] = [], scales: [Scale] = [], surveys: [Survey] = [], crosswalks: [Crosswalk] = []) {
        self.catalogues = catalogues
        self.scales = scales
        self.surveys = surveys
        self.crosswalks = crosswalks
    }

    /// The crosswalk that reads returns on catalogue `from` as catalogue `to`, if Standards/ has one.
    public func crosswalk(from: String, to: String) -> Crosswalk? {
        crosswalks.first { $0.fromCatalogue == from && $0.toCatalogue == to }
    }

    /// Picks the content for one audit: the self-assessment survey (by id when there are
    /// several), its catalogue, the scales, and the staff survey on the same catalogue.
    public func auditContent(surveyID: String? = nil) throws(ContentSelectionError) -> AuditContent {
        let candidates = surveys.filter { $0.kind == .selfAssessment && (surveyID == nil || $0.id == surveyID) }
        guard let survey = candidates.first else {
            throw ContentSelectionError(message: surveyID.map { "no self-assessment survey with id '\($0)' in Surveys/" }
                                        ?? "no self-assessment survey in Surveys/")
        }
        guard candidates.count == 1 else {
            throw ContentSelectionError(message: "several self-assessment surveys (\(candidates.map(\.id).joined(separator: ", "))); name one with --survey")
        }
        guard let catalogue = catalogues.first(where: { $0.id == survey.catalogueID }) else {
            throw ContentSelectionError(message: "survey '\(survey.id)' names catalogue '\(survey.catalogueID)', which is not in Standards/")
        }
        let staff = surveys.first { $0.kind == .staffConfidence && $0.catalogueID == catalogue.id }
        return AuditContent(catalogue: catalogue, scales: scales, selfAssessment: survey, staffSurvey: staff)
    }
}

/// The content on disk does not give one clear choice for an audit.
public struct ContentSelectionError: UserFacingError, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
