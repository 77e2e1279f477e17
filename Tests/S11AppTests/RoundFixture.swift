import Foundation
import S11App
import S11Core
import S11Store
import S11TestSupport

/// A board's round on the shipped content with one member organisation whose only officer has
/// submitted their return: ready for its lead to submit it to the board.
struct RoundFixture {
    let store: AuditStore
    let app: S11App
    let round: BoardRound
    let audit: AuditRecord
    static let board = "Oxfordshire Safeguarding Children Partnership"
    static let officer = Officer(name: "Kim Ng", email: "kim.ng@tvp.example", role: "dso", serviceArea: "Response")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the store is: in memory unless a file (or the suite's PostgreSQL) is given, which a second `S11App` can open too.
    let storeLocation: String

    init(location: String = TestDatabase.fresh(), members: [String] = []) async throws {
        storeLocation = location
        store = try await AuditStore(database: location)
        app = S11App(store: store, settings: AppSettings(contentRoot: Self.packageRoot))
        let opened = try await app.rounds.open(board: Self.board, year: 2027, deadline: CalendarDate(iso: "2027-03-31")!, root: Self.packageRoot,
                                               surveyID: nil, membersCSV: """
                                                   organisation,sector,lead_name,lead_email
                                                   Thames Valley Police,Police,Sam Reed,sam.reed@tvp.example
                                                   """ + members.map { "\n" + $0 }.joined(), file: "members.csv", by: "board@oscb.example")
        round = opened.round
        audit = try await store.audits.named(organisation: "Thames Valley Police", year: 2027)
        _ = try await store.officers.import([Self.officer], auditID: audit.id)
        try await submitTheReturn()
    }

    /// The officer's return, answered whole (the first option of every question, with evidence)
    /// and submitted.
    func submitTheReturn() async throws {
        let session = try await app.session(audit)
        let answers = session.content.questions(forRole: Self.officer.role).map { question in
            Answer(questionID: question.id, choice: .option(session.content.scale(question.scaleID)!.options[0].value),
                   evidence: "Minutes of the board, March", example: nil, reason: nil, improvement: nil)
        }
        try await session.returns.savePage(answers, officer: Self.officer)
        let shortfalls = try await session.returns.submit(officer: Self.officer)
        precondition(shortfalls.isEmpty, "the fixture's return falls short: \(shortfalls.map(\.shortfall))")
    }

    /// The round's other members' audits, in the order listed.
    func members() async throws -> [AuditRecord] {
        var audits: [AuditRecord] = []
        for organisation in try await store.rounds.members(roundID: round.id).map(\.member.organisation) where organisation != audit.organisation {
            audits.append(try await store.audits.named(organisation: organisation, year: 2027))
        }
        return audits
    }

    /// Whether the board holds the self-assessment now.
    func held() async throws -> Bool {
        try await app.session(audit).roundMembership()?.member.submittedAt != nil
    }

    /// The officer's return's status now.
    func returnStatus() async throws -> ReturnStatus {
        try await app.session(audit).officerStatuses().first!.status
    }
}
