import Testing
@testable import S11Core

@Suite("Timescales in words") struct TimescaleDateTests {
    let january = CalendarDate(year: 2027, month: 1, day: 1)!, december = CalendarDate(year: 2027, month: 12, day: 31)!

    func due(_ words: String) -> String? { TimescaleDate.due(words, periodStart: january, periodEnd: december)?.iso }

    @Test func wordsCarryTheYearTheyMeanInThePlansPeriod() {
        let june = CalendarDate(year: 2027, month: 6, day: 30)!
        func dated(_ words: String) -> String { TimescaleDate.withYear(words, periodStart: january, periodEnd: december, otherwise: june) }
        #expect(dated("April") == "April 2027")
        #expect(dated("Service planning, February") == "Service planning, February 2027")
        #expect(dated("Quarterly meetings") == "Quarterly meetings to December 2027")
        #expect(dated("All year") == "All year to December 2027")
        #expect(dated("When the new system goes live") == "When the new system goes live by June 2027")
        #expect(dated("April 2015 then on-going") == "April 2015 then on-going")      // a year given stays as written
        // A plan from April: March is next year's.
        let april = CalendarDate(year: 2027, month: 4, day: 1)!, march = CalendarDate(year: 2028, month: 3, day: 31)!
        #expect(TimescaleDate.withYear("March", periodStart: april, periodEnd: march, otherwise: june) == "March 2028")
    }

    @Test func aMonthIsTheEndOfThatMonthInThePlansPeriod() {
        #expect(due("April") == "2027-04-30")
        #expect(due("June 2027") == "2027-06-30")
        #expect(due("Before the first committee, June") == "2027-06-30")
        #expect(due("Safeguarding Week, November") == "2027-11-30")
        #expect(due("February") == "2027-02-28")
        #expect(due("September 2028") == "2028-09-30")                  // a year given is kept
        // A plan from April: March is next year's.
        let april = CalendarDate(year: 2027, month: 4, day: 1)!, march = CalendarDate(year: 2028, month: 3, day: 31)!
        #expect(TimescaleDate.due("March", periodStart: april, periodEnd: march)?.iso == "2028-03-31")
    }

    @Test func theYearRoundIsThePeriodsEndAndOtherWordsAreNotGuessed() {
        #expect(due("All year") == "2027-12-31")
        #expect(due("Quarterly meetings") == "2027-12-31")
        #expect(due("On-going") == "2027-12-31")
        #expect(due("Before their two years lapse") == nil)
        #expect(due("Mayor's reception") == nil)                         // a word that starts like a month is not one
    }

    /// The seeds' own words: short month names, and work that starts in a month and goes on.
    @Test func theSeedsWordsAreReadAsTheCouncilMeansThem() {
        #expect(due("Jan 2027") == "2027-01-31")
        #expect(due("Sept 2027") == "2027-09-30")
        #expect(due("Feb/March") == "2027-03-31")                        // the later month
        #expect(due("April 2027 On-going") == "2027-12-31")               // started in April, goes on
        #expect(due("Feb 2027 and on-going") == "2027-12-31")
        #expect(due("April 2027 then monthly") == "2027-04-30")           // due first in April
    }
}
