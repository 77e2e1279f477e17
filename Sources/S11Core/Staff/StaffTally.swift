/// Running counts of staff answers, which is all the staff results need: how many answered each
/// statement and how many of them agreed, overall and per service area, and how many responded
/// from each area. Answer sets are added one at a time as packed codes, so a survey of any size is
/// counted in constant memory.
public struct StaffTally: Sendable {
    public let survey: Survey
    /// Per statement of the survey: its position in the packed codes, if the codebook has it.
    private let statementPositions: [Int?]
    /// Per statement: for each code, whether it is an agreeing answer.
    private let agreeingCodes: [[Bool]]
    /// The service area's position in the packed codes, and each code's area index (or -1).
    private let areaPosition: Int?
    private let areaOfCode: [Int]
    private let areaCount: Int

    public private(set) var respondents = 0
    /// Per service area option of the survey's profile, in its order.
    public private(set) var areaRespondents: [Int]
    /// Indexed [statement * (areas + 1) + slot]: slot 0 is everyone, slot 1 + n is area n.
    private var answered: [Int]
    private var agreed: [Int]

    public init(survey: Survey, scales: [Scale], codebook: StaffCodebook, serviceAreaChoice: String = "service-area") {
        self.survey = survey
        statementPositions = survey.statements.map { codebook.position(of: $0.id) }
        agreeingCodes = survey.statements.map { statement in
            let agrees = Set(scales.first { $0.id == statement.scaleID }?.options.filter(\.agrees).map(\.value) ?? [])
            let values = codebook.position(of: statement.id).map { codebook.questions[$0].values } ?? []
            return [false] + values.map(agrees.contains)
        }
        let areaOptions = survey.profile.first { $0.id == serviceAreaChoice }?.options ?? []
        areaCount = areaOptions.count
        areaPosition = codebook.position(of: serviceAreaChoice)
        let areaValues = areaPosition.map { codebook.questions[$0].values } ?? []
        areaOfCode = [-1] + areaValues.map { value in areaOptions.firstIndex { $0.value == value } ?? -1 }
        areaRespondents = Array(repeating: 0, count: areaCount)
        answered = Array(repeating: 0, count: survey.statements.count * (areaCount + 1))
        agreed = answered
    }

    /// Counts one packed answer set.
    public mutating func add(_ codes: UnsafeRawBufferPointer) {
        respondents += 1
        var area = -1
        if let areaPosition, areaPosition < codes.count {
            let code = Int(codes[areaPosition])
            area = code < areaOfCode.count ? areaOfCode[code] : -1
            if area >= 0 { areaRespondents[area] += 1 }
        }
        let width = areaCount + 1
        for (statement, position) in statementPositions.enumerated() {
            guard let position, position < codes.count else { continue }
            let code = Int(codes[position])
            guard code != 0 else { continue }
            let agrees = code < agreeingCodes[statement].count && agreeingCodes[statement][code]
            let base = statement * width
            answered[base] += 1
            if agrees { agreed[base] += 1 }
            if area >= 0 {
                answered[base + 1 + area] += 1
                if agrees { agreed[base + 1 + area] += 1 }
            }
        }
    }

    /// Counts one packed answer set.
    public mutating func add(_ codes: [UInt8]) {
        codes.withUnsafeBytes { add($0) }
    }

    /// The statement's (by its position in the survey) agreeing proportion, overall or in one area
    /// (by its position among the service area options).
    public func proportion(statement: Int, area: Int? = nil) -> Proportion {
        let index = statement * (areaCount + 1) + (area.map { $0 + 1 } ?? 0)
        return Proportion(count: agreed[index], total: answered[index])
    }
}
