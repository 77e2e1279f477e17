import S11App
import S11Core

/// Where the board schedules a challenge event of its round: the title, the day, the panel and
/// the member organisations it challenges. A page of its own, so that the round's page does not
/// list every organisation again; what was typed, and what was ticked in other sectors, is kept
/// when something is wrong and when another sector is listed.
struct NewChallengeEventPage: PageModel {
    static let template = "admin-round-event-new"

    /// A member organisation the event can challenge.
    struct Choice: Encodable {
        let auditID: Int64
        let organisation: String
        let sector: String
        let checked: Bool
    }

    let title = "Schedule a challenge event"
    let form: FormErrors
    let bar: SignedInBar
    let roundID: Int64
    let board: String
    let year: Int
    /// What was typed, when the form comes back with an error.
    let eventTitle: String
    let heldOn: String
    let panel: String
    /// The sectors to list the organisations of ("Police (600)"), the one chosen selected.
    let sectors: [SelectOption]
    let choices: [Choice]
    /// The organisations ticked in other sectors than the one listed, kept through the form.
    let keptTicks: [Int64]
    /// How many are ticked in all, when some are not listed ("3 organisations chosen, 2 of them not listed here.").
    let ticked: String?
    /// Why no organisation is listed yet, in a round too large to list whole ("3,000 organisations: choose a sector…").
    let chooseSector: String?
}

extension NewChallengeEventPage {
    /// The form for `progress`'s round: its organisations that answer the round's catalogue, those
    /// in `checked` ticked; only `sector`'s where one is chosen, and none until one is in a round
    /// of more than a list page of them.
    init(account: Coordinator, csrf: String, progress: RoundProgress, sector: String? = nil, eventTitle: String = "", heldOn: String = "",
         panel: String = "", checked: Set<Int64> = [], errors: [FieldError] = []) {
        let eligible = progress.members.map(\.row).filter { $0.crosswalkID == nil }
        let bySector = Dictionary(grouping: eligible, by: \.member.sector)
        let chosen = sector.flatMap { bySector[$0] == nil ? nil : $0 }
        let tooMany = chosen == nil && eligible.count > ListPage.size
        let listed = chosen.map { bySector[$0] ?? [] } ?? (tooMany ? [] : eligible)
        let unlisted = checked.subtracting(listed.map(\.auditID)).intersection(eligible.map(\.auditID)).sorted()
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf), roundID: progress.round.id, board: progress.round.board,
                  year: progress.round.year, eventTitle: eventTitle, heldOn: heldOn, panel: panel,
                  sectors: [SelectOption(id: "", label: "Every sector (\(Counted.figure(eligible.count)))", selected: chosen == nil)]
                      + bySector.keys.sorted { NaturalOrder.precedes($0, $1) }.map { name in
                          SelectOption(id: name, label: "\(name) (\(Counted.figure(bySector[name]?.count ?? 0)))", selected: name == chosen)
                      },
                  choices: listed.map { row in
                      Choice(auditID: row.auditID, organisation: row.member.organisation, sector: row.member.sector, checked: checked.contains(row.auditID))
                  },
                  keptTicks: unlisted,
                  ticked: unlisted.isEmpty ? nil
                      : "\(Counted(unlisted.count + listed.filter { checked.contains($0.auditID) }.count, "organisation")) chosen, "
                        + "\(Counted.figure(unlisted.count)) of them not listed here.",
                  chooseSector: tooMany ? "\(Counted(eligible.count, "organisation")) answer the round's catalogue: too many to list at once. Choose a sector to list its organisations." : nil)
    }
}
