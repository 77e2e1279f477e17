/// Running counts of staff answers, which is all the staff results need: how many answered each
/// statement and how many of them agreed, overall and per service area, and how many responded
/// from each area. Answer sets are added one at a time as packed codes, so a survey of any size is
/// counted in constant memory.
///
/// Adding an answer set only counts each statement's code in its respondent's group (one
/// increment a statement, no decisions); what the codes mean is worked out once, when a
/// proportion is asked for.
public struct StaffTally: Sendable {
    public let survey: Survey
    /// Per statement of the survey: its position in the packed codes, or -1 when the codebook
    /// does not have it.
    private let statementPositions: [Int]
    /// Per statement: for each code, whether it is an agreeing answer.
    private let agreeingCodes: [[Bool]]
    /// The service area's position in the packed codes (-1 when absent), and each code's group:
    /// 0 for no known area, 1 + n for the nth service area option.
    private let areaPosition: Int
    private let groupOfCode: [Int]
    private let areaCount: Int
    /// Codes counted apart per statement and group; any code from `width - 1` up shares the last.
    private let width: Int

    public private(set) var respondents = 0
    /// Indexed [(statement * groups + group) * width + code].
    private var counts: [Int]
    /// Per group: how many answer sets.
    private var groupRespondents: [Int]

    public init(survey: Survey, scales: [Scale], codebook: StaffCodebook, serviceAreaChoice: String = "service-area") {
        self.survey = survey
        statementPositions = survey.statements.map { codebook.position(of: $0.id) ?? -1 }
        agreeingCodes = survey.statements.map { statement in
            let agrees = Set(scales.first { $0.id == statement.scaleID }?.options.filter(\.agrees).map(\.value) ?? [])
            let values = codebook.position(of: statement.id).map { codebook.questions[$0].values } ?? []
            return [false] + values.map(agrees.contains)
        }
        let areaOptions = survey.profile.first { $0.id == serviceAreaChoice }?.options ?? []
        areaCount = areaOptions.count
        areaPosition = codebook.position(of: serviceAreaChoice) ?? -1
        let areaValues = areaPosition >= 0 ? codebook.questions[areaPosition].values : []
        groupOfCode = [0] + areaValues.map { value in areaOptions.firstIndex { $0.value == value }.map { $0 + 1 } ?? 0 }
        width = (agreeingCodes.map(\.count).max() ?? 1) + 1
        counts = Array(repeating: 0, count: survey.statements.count * (areaCount + 1) * width)
        groupRespondents = Array(repeating: 0, count: areaCount + 1)
    }

    /// Counts one packed answer set.
    public mutating func add(_ codes: UnsafeRawBufferPointer) {
        respondents += 1
        var group = 0
        if areaPosition >= 0, areaPosition < codes.count {
            let code = Int(codes[areaPosition])
            if code < groupOfCode.count { group = groupOfCode[code] }
        }
        groupRespondents[group] += 1
        let stride = (areaCount + 1) * width, width = width
        var base = group * width
        statementPositions.withUnsafeBufferPointer { positions in
            counts.withUnsafeMutableBufferPointer { counts in
                for position in positions {
                    if position >= 0, position < codes.count {
                        counts[base + min(Int(codes[position]), width - 1)] += 1
                    }
                    base += stride
                }
            }
        }
    }

    /// Counts one packed answer set.
    public mutating func add(_ codes: [UInt8]) {
        codes.withUnsafeBytes { add($0) }
    }

    /// Per service area option of the survey's profile, in its order: how many responded from it.
    public var areaRespondents: [Int] { Array(groupRespondents.dropFirst()) }

    /// The statement's (by its position in the survey) agreeing proportion, overall or in one area
    /// (by its position among the service area options).
    public func proportion(statement: Int, area: Int? = nil) -> Proportion {
        let groups = area.map { [$0 + 1] } ?? Array(0...areaCount)
        var answered = 0, agreed = 0
        for group in groups {
            let base = (statement * (areaCount + 1) + group) * width
            for code in 1..<width {
                let count = counts[base + code]
                answered += count
                if code < agreeingCodes[statement].count, agreeingCodes[statement][code] { agreed += count }
            }
        }
        return Proportion(count: agreed, total: answered)
    }
}
