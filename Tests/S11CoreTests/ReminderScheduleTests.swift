import Foundation
import S11Core
import Testing

/// When scheduled reminders go: the standard schedule from a deadline, moved off weekends and
/// bank holidays, the one due at a moment (on its day only), and each officer's next.
@Suite struct ReminderScheduleTests {
    static let holidays = try! WorkingDays.parse("""
        # England and Wales
        2026-12-25 Christmas Day
        2026-12-28 Boxing Day (substitute day)
        2027-01-01 New Year's Day
        """, file: "bank-holidays.txt")
    static let london = TimeZone(identifier: "Europe/London")!
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static func moment(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func daysOfTheWeekAreTheCalendarsOwn() {
        #expect(Self.day("2027-01-12").weekdayName == "Tuesday")
        #expect(Self.day("2027-01-01").weekdayName == "Friday")
        #expect(Self.day("2026-12-06").weekdayName == "Sunday")
        #expect(Self.day("2000-02-29").weekdayName == "Tuesday")
        #expect(Self.day("2027-01-12").withWeekday == "Tuesday 12 January 2027")
        // Every day for four centuries against Foundation's calendar.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        var day = Self.day("1900-01-01")
        while day < Self.day("2300-01-01") {
            let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
            #expect((calendar.component(.weekday, from: date) + 5) % 7 + 1 == day.weekday, "\(day)")
            day = day.adding(days: 97)
        }
    }

    @Test func theStandardScheduleKeepsOffWeekendsAndBankHolidays() {
        let slots = ReminderSchedule.standard.slots(deadline: Self.day("2027-01-15"), workingDays: Self.holidays)
        #expect(slots.map(\.day.iso) == ["2026-12-31", "2027-01-12", "2027-01-15", "2027-01-22", "2027-01-29", "2027-02-05", "2027-02-12"])
        // 14 days before is New Year's Day: it goes the working day before.
        #expect(slots[0].movedFrom == Self.day("2027-01-01"))
        #expect(slots[0].label == "14 days before the deadline")
        #expect(slots[2].label == "on the deadline")
        #expect(slots[3].label == "7 days overdue")
        #expect(Self.holidays.reasonClosed(Self.day("2027-01-01")) == "New Year's Day")
        #expect(Self.holidays.reasonClosed(Self.day("2027-01-02")) == "a Saturday")
    }

    @Test func aDeadlineAtAWeekendIsRemindedTheFridayBeforeAndOverdueOnesTheMondayAfter() {
        let schedule = ReminderSchedule(daysBefore: [1], onTheDay: true, overdueEvery: 1, atMost: 2)
        // Sunday 3 January 2027: a day before is Saturday, so both go on Thursday 31 December
        // (Friday 1 January is a bank holiday), once; overdue by a day is Monday 4 January.
        let slots = schedule.slots(deadline: Self.day("2027-01-03"), workingDays: Self.holidays)
        #expect(slots.map(\.day.iso) == ["2026-12-31", "2027-01-04", "2027-01-05"])
    }

    @Test func aReminderIsDueOnItsDayFromItsTimeAndNotMadeUpLater() {
        let schedule = ReminderSchedule.standard
        let deadline = Self.day("2027-01-15")
        func due(_ iso: String) -> String? {
            schedule.due(at: Self.moment(iso), deadline: deadline, workingDays: Self.holidays, timeZone: Self.london)?.day.iso
        }
        #expect(due("2027-01-12T08:59:00Z") == nil)
        #expect(due("2027-01-12T09:00:00Z") == "2027-01-12")
        #expect(due("2027-01-12T17:30:00Z") == "2027-01-12")
        #expect(due("2027-01-13T09:30:00Z") == nil)                  // a day missed is not made up
        #expect(due("2027-01-01T09:30:00Z") == nil)                  // the bank holiday itself
        let next = schedule.next(after: Self.moment("2027-01-12T09:00:00Z"), deadline: deadline, workingDays: Self.holidays, timeZone: Self.london)
        #expect(next?.day.iso == "2027-01-15")
        // In summer 9am in London is 8am UTC.
        let summer = schedule.moment(Self.day("2027-07-06"), in: Self.london)
        #expect(summer == Self.moment("2027-07-06T08:00:00Z"))
    }

    @Test func eachOfficersNextReminderOrWhyNone() {
        let officers = ["a", "b", "c", "d"].map { Officer(name: $0, email: "\($0)@x.example", role: "dso", serviceArea: "Response") }
        func status(_ officer: Officer, _ status: ReturnStatus) -> OfficerStatus {
            OfficerStatus(officer: officer, status: status, submittedAt: nil, invited: true, answered: 0, carried: 0)
        }
        let outlook = ReminderOutlook(schedule: .standard, deadline: Self.day("2027-01-15"),
                                      statuses: [status(officers[0], .inProgress), status(officers[1], .submitted),
                                                 status(officers[2], .notStarted), status(officers[3], .inProgress)],
                                      remindersSent: ["d@x.example": 4], reached: ["a@x.example", "b@x.example", "d@x.example"],
                                      now: Self.moment("2027-01-04T10:00:00Z"), workingDays: Self.holidays, timeZone: Self.london)
        #expect(outlook.next?.slot.day.iso == "2027-01-12")
        #expect(outlook.days.filter(\.passed).map(\.slot.day.iso) == ["2026-12-31"])
        #expect(outlook.officers["a@x.example"] == .on(Self.day("2027-01-12")))
        #expect(outlook.officers["b@x.example"] == .submitted)
        #expect(outlook.officers["c@x.example"] == .notInvited)
        #expect(outlook.officers["d@x.example"] == .hadTheMost(4))
        var off = ReminderSchedule.standard
        off.isOn = false
        #expect(off.slots(deadline: Self.day("2027-01-15"), workingDays: Self.holidays).isEmpty)
    }

    @Test func aScheduleThatCannotBeKeptSaysWhichFieldAndWhy() {
        #expect(ReminderSchedule(daysBefore: [0]).problem?.field == .daysBefore)
        #expect(ReminderSchedule(overdueEvery: -1).problem?.field == .overdueEvery)
        #expect(ReminderSchedule(atMost: 0).problem?.field == .atMost)
        #expect(ReminderSchedule(minuteOfDay: 24 * 60).problem?.field == .timeOfDay)
        #expect(ReminderSchedule(daysBefore: [], onTheDay: false, overdueEvery: 0).problem?.message.contains("turn them off") == true)
        #expect(ReminderSchedule(isOn: false, daysBefore: [], onTheDay: false, overdueEvery: 0).problem == nil)
        #expect(ReminderSchedule.minuteOfDay("9:30") == 570)
        #expect(ReminderSchedule.minuteOfDay("24:00") == nil)
        #expect(ReminderSchedule.standard.problem == nil)
    }

    @Test func aBankHolidayListThatIsNotOneNamesTheLine() {
        #expect(throws: DiagnosticsError.self) { try WorkingDays.parse("2027-01-01 New Year's Day\n  2027-13-01 Nonsense\n", file: "bank-holidays.txt") }
        do {
            _ = try WorkingDays.parse("2027-01-01 New Year's Day\n  2027-13-01 Nonsense\n", file: "bank-holidays.txt")
        } catch let error as DiagnosticsError {
            #expect(error.description.hasPrefix("bank-holidays.txt:2:3: error: '2027-13-01' is not a date"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
