import Testing
@testable import S11Core

@Suite("Calendar dates")
struct CalendarDateTests {
    func date(_ iso: String) throws -> CalendarDate { try Fixture.date(iso) }

    @Test func parsesAndFormatsISO() throws {
        let d = try date("2027-03-09")
        #expect(d.year == 2027 && d.month == 3 && d.day == 9)
        #expect(d.iso == "2027-03-09")                     // zero-padded
        #expect(d.description == "2027-03-09")
        #expect(CalendarDate(year: 45, month: 1, day: 2)?.iso == "0045-01-02")
        #expect(d.monthAndYear == "March 2027")
    }

    @Test(arguments: ["2026-02-29",    // 2026 is not a leap year
                      "2026-13-01",    // no month 13
                      "2026-00-10", "2026-04-31", "2026-01-00",
                      "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00:00", "", "2026-01", "abcd-ef-gh",
                      "0000-01-01"])
    func rejectsInvalidDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func rejectsSignedParts() {
        // Int("+1") is 1, so "2026-+1-01" is read as 2026-01-01, and "+026-01-01" as year 26.
        #expect(CalendarDate(iso: "2026-+1-01") == nil)
        #expect(CalendarDate(iso: "+026-01-01") == nil)
        #expect(CalendarDate(iso: "2026-01-+1") == nil)
    }

    @Test func leapYears() {
        #expect(CalendarDate(iso: "2028-02-29") != nil)    // divisible by 4
        #expect(CalendarDate(iso: "2000-02-29") != nil)    // divisible by 400
        #expect(CalendarDate(iso: "2100-02-29") == nil)    // divisible by 100, not 400
    }

    @Test(arguments: [
        ("2027-01-31", 1, "2027-02-28"),   // clamped to the end of February
        ("2028-01-31", 1, "2028-02-29"),   // leap year
        ("2027-01-01", 6, "2027-07-01"),
        ("2027-03-31", 1, "2027-04-30"),
        ("2027-11-15", 3, "2028-02-15"),   // across a year
        ("2027-01-15", -1, "2026-12-15"),  // backwards across a year
        ("2027-01-01", 12, "2028-01-01"),
        ("2027-05-31", 0, "2027-05-31"),
    ])
    func addingMonths(start: String, months: Int, expected: String) throws {
        #expect(try date(start).adding(months: months).iso == expected)
    }

    @Test(arguments: [
        ("2027-01-01", -1, "2026-12-31"),   // back across the year boundary
        ("2027-03-01", -1, "2027-02-28"),
        ("2028-03-01", -1, "2028-02-29"),
        ("2026-12-31", 1, "2027-01-01"),
        ("2027-01-10", -40, "2026-12-01"),  // 9 days back to Jan 1, 1 to Dec 31, 30 more to Dec 1
        ("2027-01-01", 365, "2028-01-01"),
        ("2027-06-15", 0, "2027-06-15"),
    ])
    func addingDays(start: String, days: Int, expected: String) throws {
        #expect(try date(start).adding(days: days).iso == expected)
    }

    @Test func ordering() throws {
        #expect(try date("2026-12-31") < date("2027-01-01"))
        #expect(try date("2027-01-31") < date("2027-02-01"))
        #expect(try date("2027-02-01") < date("2027-02-02"))
        #expect(try !(date("2027-02-02") < date("2027-02-02")))
    }

    @Test func arithmeticStopsAtTheEdgesOfTheCalendarInsteadOfCrashing() throws {
        let last = try #require(CalendarDate(iso: "9999-12-31"))
        #expect(last.adding(days: 1) == last)
        #expect(last.adding(months: 12) == last)
        let first = try #require(CalendarDate(iso: "0001-01-01"))
        #expect(first.adding(days: -1) == first)
        #expect(first.adding(months: -1).iso == "0001-01-01")
    }
}
