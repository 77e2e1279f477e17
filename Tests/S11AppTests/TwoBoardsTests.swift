import Foundation
import S11App
import S11Core
import S11Store
import S11TestSupport
import Testing

/// Two boards on one server: what one board sees of the other's members.
@Suite struct TwoBoardsTests {
    /// A board that lists an organisation already in another board's round on the same catalogue
    /// is told nothing about it or that board: its round opens, and reads that return as it was
    /// answered, once the organisation submits it to its own board.
    @Test func listingAnotherBoardsMemberSaysNothingAboutItAndReadsItsReturn() async throws {
        let fixture = try await RoundFixture()                         // Thames Valley Police, in the OSCB's round
        let opened = try await fixture.app.rounds.open(
            board: "Buckinghamshire Safeguarding Children Partnership", year: 2027, deadline: CalendarDate(iso: "2027-04-30")!,
            root: RoundFixture.packageRoot, surveyID: nil, membersCSV: """
                organisation,sector,lead_name,lead_email
                Thames Valley Police,Police,Sam Reed,sam.reed@tvp.example
                Buckinghamshire Council,Local authority,Ann Lee,ann.lee@bucks.example
                """, file: "members.csv", by: "board@bscp.example")
        #expect(opened.readings.map(\.organisation) == ["Thames Valley Police"])
        #expect(opened.invitations.map(\.member.organisation) == ["Buckinghamshire Council"])
        // Nothing to read until the police submit to their own board; then the same figures.
        let before = try await fixture.app.rounds.progress(roundID: opened.round.id, today: CalendarDate(iso: "2027-02-01")!)
        #expect(try await fixture.app.rounds.picture(before)?.submitted.isEmpty == true)
        try await fixture.app.rounds.submit(auditID: fixture.audit.id, by: "sam.reed@tvp.example", declaration: BoardRounds.standardDeclaration)
        let after = try await fixture.app.rounds.progress(roundID: opened.round.id, today: CalendarDate(iso: "2027-02-01")!)
        let read = try #require(try await fixture.app.rounds.picture(after)?.submitted.first)
        let own = try #require(try await fixture.store.rounds.boardScores(roundID: fixture.round.id)[fixture.audit.id])
        #expect(read.organisation == "Thames Valley Police")
        #expect(read.scores.first { $0.kind == .overall }?.percent == own.first { $0.kind == .overall }?.percent)
        #expect(read.scores.filter { $0.kind == .requirement }.map(\.scopeID) == own.filter { $0.kind == .requirement }.map(\.scopeID))
    }
}
