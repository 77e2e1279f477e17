import Foundation
import S11App
import S11Core
import S11TestSupport
import Testing
@testable import S11Web

/// The coordinator sets when reminders go on their own, on the invitations page, and reads the
/// days they will go (moved off weekends) and each officer's next.
@Suite struct ReminderSchedulePagesTests {
    @Test func theCoordinatorSeesTheDaysRemindersGoAndChangesThem() async throws {
        let coordinator = CoordinatorTests()
        let fixture = try await coordinator.fixtureWithCoordinator()
        let program = CoordinatorTests.FakeMailProgram(refusing: "")
        let app = try await WebApp(app: S11App(store: fixture.store, settings: AppSettings(delivery: program)))
        let browser = Browser(client: RouterClient(app: app))
        try await coordinator.signIn(browser)
        let path = "/admin/audits/\(fixture.audit.id)/invitations"
        let before = try await browser.get(path)
        #expect(before.body.contains("<h2 id=\"schedule\">Reminders on a schedule</h2>"))
        #expect(before.body.contains("Save a deadline above first: the schedule counts from it."))

        // Due Tuesday 31 March 2099: 14 days before, 3 days before (a Saturday, so the Friday), on the day, weekly after.
        _ = try await browser.post("\(path)/due", [("deadline", "2099-03-31")], csrf: before.csrf)
        let due = try await browser.get(path)
        #expect(due.body.contains("<strong>Next reminder: Tuesday 17 March 2099 at 9am</strong>"))
        #expect(due.body.contains("Friday 27 March 2099 at 9am</td><td>3 days before the deadline<br><span class=\"hint\">moved from Saturday 28 March 2099, a Saturday</span>"))
        #expect(due.body.contains("Tuesday 28 April 2099 at 9am</td><td>28 days overdue"))
        // No message has reached the officers yet, so none is due a reminder.
        #expect(due.body.contains("<td>none until an invitation reaches them</td>"))

        // Sent their invitations, each officer's next reminder is the schedule's next day.
        _ = try await browser.post("\(path)/send", [("kind", "invitation")], csrf: before.csrf)
        #expect(try await browser.get(path).body.contains("<td>next reminder: Tuesday 17 March 2099</td>"))

        // What cannot be kept is refused field by field, with what was typed kept.
        let refused = try await browser.post("\(path)/schedule", [("isOn", "yes"), ("daysBefore", "14, soon"), ("overdueEvery", "7"),
                                                                  ("atMost", "4"), ("timeOfDay", "9am")], csrf: before.csrf)
        #expect(refused.status == .unprocessableContent)
        #expect(refused.body.contains("href=\"#daysBefore\"") && refused.body.contains("Give the days before the deadline as whole numbers"))
        #expect(refused.body.contains("href=\"#timeOfDay\"") && refused.body.contains("value=\"14, soon\""))
        #expect(refused.body.contains("<details open><summary>Change when reminders go"))          // the fields in error in view
        #expect(due.body.contains("<details><summary>Change when reminders go"))
        let tooMany = try await browser.post("\(path)/schedule", [("isOn", "yes"), ("daysBefore", "10"), ("overdueEvery", "0"),
                                                                  ("atMost", "50"), ("timeOfDay", "16:30")], csrf: before.csrf)
        #expect(tooMany.status == .unprocessableContent && tooMany.body.contains("href=\"#atMost\""))
        #expect(try await fixture.store.reminders.schedule(auditID: fixture.audit.id) == .standard)

        // Ten days before only, at 4:30pm, at most two: Saturday 21 March moves to Friday 20 March.
        let saved = try await browser.post("\(path)/schedule", [("isOn", "yes"), ("daysBefore", "10"), ("overdueEvery", "0"),
                                                                ("atMost", "2"), ("timeOfDay", "16:30")], csrf: before.csrf)
        #expect(saved.status == .seeOther)
        let after = try await browser.get(try #require(saved.location))
        #expect(after.body.contains("Saved when reminders go."))
        #expect(after.body.contains("<strong>Next reminder: Friday 20 March 2099 at 4:30pm</strong>"))
        #expect(!after.body.contains("on the deadline") && after.body.contains("value=\"16:30\""))
        #expect(try await fixture.store.reminders.schedule(auditID: fixture.audit.id)
                == ReminderSchedule(daysBefore: [10], onTheDay: false, overdueEvery: 0, atMost: 2, minuteOfDay: 16 * 60 + 30))

        // Turned off, none goes on its own, and the page says so.
        _ = try await browser.post("\(path)/schedule", [("daysBefore", "10"), ("overdueEvery", "0"), ("atMost", "2"), ("timeOfDay", "16:30")],
                                   csrf: before.csrf)
        let off = try await browser.get(path)
        #expect(off.body.contains("Reminders on a schedule are turned off here"))
        #expect(off.body.contains("<td>none on a schedule</td>") && !off.body.contains("Next reminder:"))
    }

    @Test func withoutAMailProgramThePageSaysNoReminderGoesOnItsOwn() async throws {
        let coordinator = CoordinatorTests()
        let fixture = try await coordinator.fixtureWithCoordinator()
        try await fixture.store.returns.setDue(auditID: fixture.audit.id, deadline: CalendarDate(iso: "2099-03-31"), contact: nil)
        try await fixture.run { browser in
            try await coordinator.signIn(browser)
            let page = try await browser.get("/admin/audits/\(fixture.audit.id)/invitations")
            #expect(page.body.contains("No mail program is set up (s11 serve --sendmail), so no reminder goes on its own"))
            #expect(!page.body.contains("Next reminder:"))
        }
    }
}
