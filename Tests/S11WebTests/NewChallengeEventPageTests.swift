import S11App
import S11Core
import Testing
@testable import S11Web

/// The form that schedules a challenge event lists a round's organisations to tick: all of a small
/// round's, one sector's at a time of a large one, never thousands at once.
@Suite struct NewChallengeEventPageTests {
    /// A round of `police` police forces and `schools` schools, one read through a crosswalk.
    func progress(police: Int, schools: Int) -> RoundProgress {
        let round = BoardRound(id: 7, board: "Bench Partnership", year: 2027, deadline: CalendarDate(year: 2027, month: 3, day: 31)!,
                               openedAt: "2026-12-01T09:00:00Z", openedBy: "board@bench.example")
        func member(_ number: Int, _ sector: String, crosswalk: String? = nil) -> RoundMemberStatus {
            RoundMemberStatus(auditID: Int64(number), roundID: 7,
                              member: RoundMember(organisation: "\(sector) \(number)", sector: sector, leadName: "Lead", leadEmail: "lead\(number)@x.example"),
                              submittedAt: nil, submittedBy: nil, declaration: nil, returnedAt: nil, returnReason: nil, crosswalkID: crosswalk,
                              officers: 1, started: 0, submittedReturns: 0)
        }
        let members = (1...police).map { member($0, "Police") } + (1...schools).map { member(1_000 + $0, "School") }
            + [member(5_000, "School", crosswalk: "joint-to-adults")]
        return RoundProgress(round: round, members: members, today: CalendarDate(year: 2027, month: 1, day: 10)!)
    }

    let account = Coordinator(email: "board@bench.example", organisation: nil, board: "Bench Partnership")

    @Test func aSmallRoundListsEveryOrganisationThatAnswersItsCatalogue() {
        let page = NewChallengeEventPage(account: account, csrf: "t", progress: progress(police: 3, schools: 4))
        #expect(page.choices.count == 7 && page.chooseSector == nil)
        #expect(page.sectors.map(\.label) == ["Every sector (7)", "Police (3)", "School (4)"])
    }

    @Test func aLargeRoundListsOneSectorAtATime() {
        let large = progress(police: 600, schools: 1_400)
        let unchosen = NewChallengeEventPage(account: account, csrf: "t", progress: large)
        #expect(unchosen.choices.isEmpty)
        #expect(unchosen.chooseSector?.hasPrefix("2,000 organisations answer the round's catalogue") == true)
        #expect(unchosen.sectors.first?.label == "Every sector (2,000)")

        let police = NewChallengeEventPage(account: account, csrf: "t", progress: large, sector: "Police", checked: [4])
        #expect(police.choices.count == 600 && police.choices.allSatisfy { $0.sector == "Police" })
        #expect(police.choices.filter(\.checked).map(\.auditID) == [4])
        #expect(police.chooseSector == nil && police.keptTicks.isEmpty && police.ticked == nil)
        #expect(police.sectors.filter(\.selected).map(\.id) == ["Police"])

        // A sector the round does not have is no sector chosen.
        let unknown = NewChallengeEventPage(account: account, csrf: "t", progress: large, sector: "Nowhere")
        #expect(unknown.choices.isEmpty && unknown.sectors.filter(\.selected).map(\.id) == [""])
    }

    /// Ticks in a sector not listed now go with the form, hidden, and are counted where the list is.
    @Test func organisationsTickedInAnotherSectorAreKept() {
        let large = progress(police: 600, schools: 1_400)
        let schools = NewChallengeEventPage(account: account, csrf: "t", progress: large, sector: "School", checked: [4, 9, 1_001, 5_000])
        #expect(schools.choices.filter(\.checked).map(\.auditID) == [1_001])
        #expect(schools.keptTicks == [4, 9])                      // the one read through a crosswalk cannot be ticked at all
        #expect(schools.ticked == "3 organisations chosen, 2 of them not listed here.")
    }
}
