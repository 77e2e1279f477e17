/// Deterministic synthetic audits for benchmarks: organisations with officers and their returns,
/// and staff survey responses, from a fixed seed so every run measures the same data.
public struct SyntheticAudit: Sendable {
    /// The benchmark sizes of the scale issue.
    public enum Size: String, Sendable, CaseIterable {
        case council, county, national

        public var organisations: Int { [.council: 1, .county: 300, .national: 3_000][self]! }
        public var officersPerOrganisation: Int { self == .council ? 40 : 5 }
        public var staffResponses: Int { [.council: 2_000, .county: 60_000, .national: 1_000_000][self]! }
    }

    public var content: AuditContent
    private var state: UInt64

    public init(content: AuditContent, seed: UInt64 = 2026) {
        self.content = content
        state = seed
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    /// Organisation `index`'s officers, spread over the content's first four service areas and the survey's roles.
    public mutating func officers(organisation index: Int, count: Int) -> [Officer] {
        let roles = content.selfAssessment.roles.map(\.id)
        let listed = ServiceAreaList(content: content).names.prefix(4)
        let areas = listed.isEmpty ? ["Housing", "Community services", "Corporate services", "Leisure and culture"] : Array(listed)
        return (0..<count).map { n in
            Officer(name: "Officer \(index)-\(n)", email: "officer\(n)@org\(index).example", role: roles[n % roles.count],
                    serviceArea: areas[n % areas.count])
        }
    }

    /// A complete return for `officer`: mostly Fully or Mostly met, some gaps, evidence throughout.
    public mutating func completeReturn(for officer: Officer, organisation: String, year: Int) -> OfficerReturn {
        let answers = content.questions(forRole: officer.role).map { question -> Answer in
            let options = content.scale(question.scaleID)?.options.map(\.value) ?? []
            let roll = below(100)
            let option = options[roll < 45 ? 0 : roll < 80 ? min(1, options.count - 1) : roll < 95 ? min(2, options.count - 1) : options.count - 1]
            return Answer(questionID: question.id, choice: .option(option), evidence: "Evidence \(below(1000))",
                          example: roll < 10 ? "Example \(below(100))" : nil)
        }
        return OfficerReturn(organisation: organisation, year: year, officerEmail: officer.email, answers: answers)
    }

    /// The staff survey as s11's CSV (`service-area,role,SC01,...`), one line per response.
    public mutating func staffCSV(responses: Int, write: (String) -> Void) {
        guard let survey = content.staffSurvey else { return }
        let areas = survey.profile.first { $0.id == "service-area" }?.options.map(\.value) ?? []
        let roles = survey.profile.first { $0.id == "role" }?.options.map(\.value) ?? []
        let values = survey.statements.map { statement in content.scale(statement.scaleID)?.options.map(\.value) ?? [] }
        write((["service-area", "role"] + survey.statements.map(\.id)).joined(separator: ",") + "\n")
        for _ in 0..<responses {
            var line = areas.isEmpty ? "" : areas[below(areas.count)]
            line += "," + (roles.isEmpty ? "" : roles[below(roles.count)])
            for options in values {
                let roll = below(100)
                line += "," + (options.isEmpty ? "" : options[roll < 35 ? 0 : roll < 80 ? min(1, options.count - 1) : below(options.count)])
            }
            write(line + "\n")
        }
    }
}
