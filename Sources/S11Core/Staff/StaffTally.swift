/// The staff results' counts read from `StaffCodeCounts` by a survey: how many answered each
/// statement and how many of them agreed, overall and per service area, and how many responded
/// from each area.
public struct StaffTally: Sendable {
    public let survey: Survey
    public private(set) var counts: StaffCodeCounts
    /// Per statement of the survey: its position in the packed codes, or -1 when the codebook
    /// does not have it.
    private let statementPositions: [Int]
    /// Per statement: for each code, whether it is an agreeing answer.
    private let agreeingCodes: [[Bool]]
    /// Each service area code's group: 0 for no known area, 1 + n for the nth service area option.
    private let groupOfCode: [Int]
    private let areaCount: Int

    public init(survey: Survey, scales: [Scale], counts: StaffCodeCounts, serviceAreaChoice: String = "service-area") {
        self.survey = survey
        self.counts = counts
        let codebook = counts.codebook
        statementPositions = survey.statements.map { codebook.position(of: $0.id) ?? -1 }
        agreeingCodes = survey.statements.map { statement in
            let agrees = Set(scales.first { $0.id == statement.scaleID }?.options.filter(\.agrees).map(\.value) ?? [])
            let values = codebook.position(of: statement.id).map { codebook.questions[$0].values } ?? []
            return [false] + values.map(agrees.contains)
        }
        let areaOptions = survey.profile.first { $0.id == serviceAreaChoice }?.options ?? []
        areaCount = areaOptions.count
        let areaValues = codebook.position(of: serviceAreaChoice).map { codebook.questions[$0].values } ?? []
        groupOfCode = [0] + areaValues.map { value in areaOptions.firstIndex { $0.value == value }.map { $0 + 1 } ?? 0 }
    }

    /// A tally with nothing counted yet, answer sets to be added packed by `codebook`.
    public init(survey: Survey, scales: [Scale], codebook: StaffCodebook, serviceAreaChoice: String = "service-area") {
        self.init(survey: survey, scales: scales, counts: StaffCodeCounts(codebook: codebook, serviceAreaChoice: serviceAreaChoice),
                  serviceAreaChoice: serviceAreaChoice)
    }

    /// Counts one packed answer set.
    public mutating func add(_ codes: [UInt8]) {
        counts.add(codes)
    }

    public var respondents: Int { counts.respondents }

    /// Per service area option of the survey's profile, in its order: how many responded from it.
    public var areaRespondents: [Int] {
        (0..<areaCount).map { area in codes(of: area + 1).reduce(0) { $0 + counts.respondents(areaCode: $1) } }
    }

    /// The statement's (by its position in the survey) agreeing proportion, overall or in one area
    /// (by its position among the service area options).
    public func proportion(statement: Int, area: Int? = nil) -> Proportion {
        let position = statementPositions[statement]
        guard position >= 0 else { return Proportion(count: 0, total: 0) }
        let areaCodes = area.map { codes(of: $0 + 1) } ?? Array(0..<counts.areaCodes)
        var answered = 0, agreed = 0
        for areaCode in areaCodes {
            for code in 1..<counts.width {
                let count = counts.count(areaCode: areaCode, position: position, code: code)
                answered += count
                if code < agreeingCodes[statement].count, agreeingCodes[statement][code] { agreed += count }
            }
        }
        return Proportion(count: agreed, total: answered)
    }

    /// The service area codes that count in `group`.
    private func codes(of group: Int) -> [Int] {
        (0..<counts.areaCodes).filter { (groupOfCode.indices.contains($0) ? groupOfCode[$0] : 0) == group }
    }
}
