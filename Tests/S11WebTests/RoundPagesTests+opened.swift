import Foundation
import S11Core
import Testing
@testable import S11Web

/// A round opened for the tests of what the board reads of its members.
extension RoundPagesTests {
    /// A board's round opened over the fixture with its coordinator: the round's id, the mail folder,
    /// and the police's and Cherwell's 2027 audits in it.
    func openedRound() async throws -> (fixture: WebFixture, mail: String, round: Int64, police: AuditRecord, cherwell: AuditRecord) {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-round-\(UUID().uuidString)").path
        let round = try #require(try await openRound(fixture, mail: mail).0)
        return (fixture, mail, round, try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027),
                try await fixture.store.audits.named(organisation: "Cherwell District Council", year: 2027))
    }
}
