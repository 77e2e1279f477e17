import Foundation
import S11App
import S11Core
import S11TestSupport
import Testing

/// A round's reminders to its leads, sent as its schedule falls due: on the working day before a
/// bank holiday, once a day whichever server sends, and no more once the board holds the
/// organisation's self-assessment. Run on both engines.
@Suite struct LeadReminderTests {
    /// Keeps every message it is handed, accepting each.
    final class Kept: MailDelivery, @unchecked Sendable {
        private let lock = NSLock()
        private var kept: [(to: String, text: String)] = []
        var messages: [(to: String, text: String)] { lock.withLock { kept } }

        func deliver(_ message: Data, to recipient: String) async -> MailDeliveryOutcome {
            lock.withLock { kept.append((recipient, String(decoding: message, as: UTF8.self))) }
            return MailDeliveryOutcome(accepted: true, detail: "")
        }
    }

    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func leadsAreRemindedOnTheirScheduleUntilTheBoardHoldsTheirSelfAssessment() async throws {
        let fixture = try await RoundFixture()                  // due Wednesday 31 March 2027
        let kept = Kept()
        let reminders = fixture.app.scheduledReminders
        // Not before its day and time: 14 days before is Wednesday 17 March, at 9am.
        #expect(try await reminders.sendDue(at: Self.at("2027-03-17T08:59:00Z"), via: kept).isEmpty)
        let first = try await reminders.sendDue(at: Self.at("2027-03-17T09:00:00Z"), via: kept)
        #expect(first.map(\.name) == ["the leads of \(RoundFixture.board)'s 2027 round"])
        #expect(kept.messages.map(\.to) == ["sam.reed@tvp.example"])
        let text = try #require(kept.messages.first?.text)
        #expect(text.contains("Subject: Reminder: \(RoundFixture.board)'s 2027 safeguarding self-assessment for Thames Valley Police"))
        #expect(text.contains("is due by Wednesday 31 March 2027") && text.contains("Returns submitted by your named officers so far: 1 of 1."))
        #expect(!text.contains("/admin/welcome/"))                           // a reminder, not a new invitation
        // Later the same day, nothing again.
        #expect(try await reminders.sendDue(at: Self.at("2027-03-17T15:00:00Z"), via: kept).isEmpty)
        // 3 days before is Sunday 28 March; Friday 26 March is Good Friday: so Thursday 25 March.
        #expect(try await reminders.sendDue(at: Self.at("2027-03-26T10:00:00Z"), via: kept).isEmpty)
        #expect(try await reminders.sendDue(at: Self.at("2027-03-25T10:00:00Z"), via: kept).count == 1)
        #expect(kept.messages.count == 2)
        #expect(try await fixture.app.rounds.leadReminders(roundID: fixture.round.id)[fixture.audit.id]?.count == 2)
        // Once the lead submits to the board, no more.
        try await fixture.app.rounds.submit(auditID: fixture.audit.id, by: "sam.reed@tvp.example", declaration: BoardRounds.standardDeclaration)
        #expect(try await reminders.sendDue(at: Self.at("2027-03-31T09:00:00Z"), via: kept).isEmpty)
        #expect(kept.messages.count == 2)
    }

    @Test func twoServersAtTheSameMomentRemindALeadOnce() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("s11-leads-\(UUID().uuidString).sqlite")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) } }
        let fixture = try await RoundFixture(location: TestDatabase.fresh(sqlite: file.path))   // a file, which a second server opens
        let kept = Kept()
        let other = try await S11App.open(database: fixture.storeLocation)
        async let one = fixture.app.scheduledReminders.sendDue(at: Self.at("2027-03-17T09:00:00Z"), via: kept)
        async let two = other.scheduledReminders.sendDue(at: Self.at("2027-03-17T09:00:01Z"), via: kept)
        _ = try await (one, two)
        #expect(kept.messages.map(\.to) == ["sam.reed@tvp.example"])
    }
}
