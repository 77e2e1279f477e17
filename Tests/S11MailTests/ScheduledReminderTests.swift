import Clocks
import Foundation
import S11App
import S11Core
import S11Mail
import S11TestSupport
import Testing

/// Reminders on a schedule, driven by a test clock through the weeks around a deadline: two
/// servers' senders on one store (PostgreSQL with S11_TEST_DATABASE_URL), each message handed to
/// msmtp and received by a real SMTP server. Exactly the scheduled reminders arrive, none twice,
/// none on a bank holiday or after an officer submits or has had the most.
@Suite(.serialized, .needs(.msmtp, .aiosmtpd)) struct ScheduledReminderTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let ann = Officer(name: "Ann Lee", email: "ann.lee@riverside.example", role: "strategic-lead", serviceArea: "Corporate services")
    static let ben = Officer(name: "Ben Hall", email: "ben.hall@riverside.example", role: "strategic-lead", serviceArea: "Corporate services")
    static let cat = Officer(name: "Cat Moss", email: "cat.moss@riverside.example", role: "strategic-lead", serviceArea: "Corporate services")

    /// The moment an ISO 8601 text names.
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func twoServersSendExactlyTheScheduledRemindersOnceEachThroughARealSMTPServer() async throws {
        let smtp = try SMTPServer()
        defer { smtp.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-schedule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = try #require(SendmailProgram(command: try SMTPServer.msmtpCommand(port: smtp.port, folder: folder)))
        let location = TestDatabase.fresh(sqlite: folder.appendingPathComponent("s11.sqlite").path)
        let settings = AppSettings(baseURL: "http://127.0.0.1:8080", delivery: program, contentRoot: Self.packageRoot)
        let first = try await S11App.open(database: location, settings: settings)
        let second = try await S11App.open(database: location, settings: settings)   // another server on the same store

        // Returns due Friday 15 January 2027; Ann and Ben invited, Cat not yet.
        let session = try await first.audits.open(organisation: "Riverside", year: 2027, surveyID: nil, deadline: CalendarDate(iso: "2027-01-15"))
        for officer in [Self.ann, Self.ben, Self.cat] {
            #expect(try await session.officers.add(name: officer.name, email: officer.email, role: officer.role, serviceArea: officer.serviceArea,
                                                         by: "lead@riverside.example").isEmpty)
        }
        let invited = try await session.invitations.send(.invitation, only: [Self.ann.email, Self.ben.email], via: program)
        #expect(invited.allSatisfy(\.accepted) && invited.count == 2)

        // Both senders on one test clock from Monday 28 December 2026 (a bank holiday).
        let clock = TestClock()
        let origin = Self.at("2026-12-28T00:00:00Z"), start = clock.now
        let now: @Sendable () -> Date = { origin.addingTimeInterval(Self.seconds(start.duration(to: clock.now))) }
        let wakes = Wakes(count: 2)
        var services: [Task<Void, any Error>] = []
        for (index, app) in [first, second].enumerated() {
            let sender = ReminderSender(app: app, delivery: program, clock: clock, now: now, recheck: .seconds(6 * 3_600),
                                        report: { _ in }, sleeping: { wakes.set(index, $0) })
            services.append(Task { try await sender.run() })
        }
        defer { services.forEach { $0.cancel() } }

        // Moves the clock to the first moment a sender asked to wake, until the end of February,
        // each time waiting until both have done what was due and gone back to sleep, and notes
        // which officers' messages arrived at each.
        try await wakes.settled(after: now())
        var arrivals: [String: [String]] = [:]
        var seen = try await smtp.received().count
        #expect(seen == 2)
        var annSubmitted = false
        while let target = wakes.earliest, target < Self.at("2027-02-28T00:00:00Z") {
            if !annSubmitted, target > Self.at("2027-01-13T12:00:00Z") {
                try await Self.submit(Self.ann, in: session)              // after her second reminder
                annSubmitted = true
            }
            // A second past the wake: a sender that begins its sleep only after the clock moved
            // then finds its moment gone and wakes (TestClock suspends a sleep due exactly now).
            let wait = target.timeIntervalSince(now())
            await clock.advance(by: .milliseconds(Int64((wait * 1_000).rounded(.up)) + 1_000))
            try await wakes.settled(after: now())
            if try smtp.count() > seen {
                let received = try await smtp.received()
                let day = CalendarDate(now(), in: TimeZone(identifier: "Europe/London")!).iso
                arrivals[day, default: []] += received[seen...].map { $0["to"] ?? "" }.sorted()
                #expect(received[seen...].allSatisfy { $0["subject"]?.contains("Reminder") == true }, "\(received[seen...].map { $0["subject"] })")
                seen = received.count
            }
        }

        // 14 days before is New Year's Day, so the working day before; 3 days before; on the
        // day; then weekly while overdue: Ben has the most (4), Ann submitted after 2, Cat was never invited.
        #expect(arrivals == [
            "2026-12-31": ["Ann Lee <ann.lee@riverside.example>", "Ben Hall <ben.hall@riverside.example>"],
            "2027-01-12": ["Ann Lee <ann.lee@riverside.example>", "Ben Hall <ben.hall@riverside.example>"],
            "2027-01-15": ["Ben Hall <ben.hall@riverside.example>"],
            "2027-01-22": ["Ben Hall <ben.hall@riverside.example>"],
        ])
        let outlook = try await session.reminders.outlook(at: now())
        #expect(outlook.officers[Self.ben.email] == .hadTheMost(4))
        #expect(outlook.officers[Self.ann.email] == .submitted)
        #expect(outlook.officers[Self.cat.email] == .notInvited)
        // Each reminder is recorded, as the ones sent by hand are.
        let records = try await session.lastMessages()
        #expect(records[Self.ben.email]?.kind == .reminder && records[Self.ben.email]?.accepted == true)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The officer's return, answered whole and submitted.
    static func submit(_ officer: Officer, in session: AuditSession) async throws {
        let answers = session.content.questions(forRole: officer.role).map { question in
            Answer(questionID: question.id, choice: .option(session.content.scale(question.scaleID)!.options[0].value),
                   evidence: "Minutes of the board, March", example: nil, reason: nil, improvement: nil)
        }
        try await session.returns.savePage(answers, officer: officer)
        #expect(try await session.returns.submit(officer: officer).isEmpty)
    }
}

/// When each sender last said it would wake, heard as it goes to sleep.
final class Wakes: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [Date?]

    init(count: Int) { latest = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ wake: Date) { lock.withLock { latest[index] = wake } }

    /// The first of the wakes, once every sender has said.
    var earliest: Date? { lock.withLock { latest.contains(nil) ? nil : latest.compactMap { $0 }.min() } }

    /// Waits until every sender sleeps until after `now`: each has done what was due by then.
    /// Fails after a minute of real time rather than hang.
    func settled(after now: Date) async throws {
        let started = ContinuousClock.now
        while !lock.withLock({ latest.allSatisfy { $0.map { $0 > now } ?? false } }) {
            guard ContinuousClock.now - started < .seconds(60) else {
                throw StepFailure(description: "a sender did not go back to sleep after \(now): \(lock.withLock { latest })")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

/// A step of a test that could not go on.
struct StepFailure: Error, CustomStringConvertible {
    let description: String
}
