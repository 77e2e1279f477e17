import Foundation
import S11App
import S11Core

/// The board's round: where every member organisation stands by stage and sector, what those that
/// submitted hold (a heatmap by standard, the spread of ratings, the themes, the staff survey
/// across the partnership), the organisations a page at a time with a form to give a
/// self-assessment back, peer pairings and challenge events.
struct RoundPage: PageModel {
    static let template = "admin-round"

    struct Stage: Encodable {
        let stage: String
        let count: Int
    }

    struct Sector: Encodable {
        let sector: String
        /// The sector, encoded for the link's query.
        let query: String
        /// How many of its organisations are at each stage, in `stageHeaders`' order.
        let counts: [Int]
    }

    struct Standard: Encodable {
        let id: String
        let title: String
    }

    /// A rating as a heatmap cell shows it, coloured by its band.
    struct Cell: Encodable {
        let text: String
        let ragClass: String
    }

    struct HeatmapRow: Encodable {
        let organisation: String
        let sector: String
        let overall: Cell
        let movement: String
        let cells: [Cell]
    }

    struct Spread: Encodable {
        let standard: String
        /// Blue, green, amber, red.
        let counts: [Int]
        let unrated: Int
    }

    struct Theme: Encodable {
        let requirement: String
        let statement: String
        let count: Int
        let organisations: String
    }

    /// The staff survey across the partnership.
    struct Staff: Encodable {
        /// How many organisations are counted, in words ("1 organisation").
        let counted: String
        let respondents: Int
        let hasLeftOut: Bool
        /// How many are left out, in words.
        let leftOut: String
        let sectors: [String]
        let lines: [StaffLine]
    }

    struct StaffLine: Encodable {
        let statement: String
        let partnership: String
        /// The figure in each of `Staff.sectors`.
        let sectors: [String]
    }

    struct Member: Encodable {
        let auditID: Int64
        let organisation: String
        let sector: String
        let lead: String
        let returns: String
        let stage: String
        let stageClass: String
        /// Whether the board holds its self-assessment (and can give it back).
        let held: Bool
        let returnReason: String?
        /// The crosswalk its return to its own board is read through, when it answers another catalogue.
        let crosswalk: String?
    }

    struct Pairing: Encodable {
        let pairingID: Int64
        let reviewer: String
        let reviewee: String
        let state: String
    }

    /// An organisation to pair or to challenge at an event.
    struct Choice: Encodable {
        let auditID: Int64
        let organisation: String
    }

    struct Event: Encodable {
        let eventID: Int64
        let title: String
        let heldOn: String
        let count: Int
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let id: Int64
    let board: String
    let year: Int
    let deadline: String
    let notice: String?
    let total: Int
    let stages: [Stage]
    let stageHeaders: [String]
    let sectors: [Sector]
    /// The sector the page is narrowed to (`?sector=`).
    let sector: String?
    let hasPicture: Bool
    let standardIDs: [Standard]
    /// The heatmap's orders, the one shown chosen (`?order=`, lowest overall first by default).
    let orderChoices: [SelectOption]
    let heatmap: [HeatmapRow]
    let heatmapPager: Pager
    let spreads: [Spread]
    let themes: [Theme]
    let staff: Staff?
    let members: [Member]
    let listPager: Pager
    let pairings: [Pairing]
    let choices: [Choice]
    let events: [Event]
}

extension RoundPage {
    /// Which rows of the two long lists the page shows (`?page=` the heatmap's, `?list=` the organisations').
    struct Paging {
        var heatmap: Int?
        var list: Int?
    }

    init(account: Coordinator, csrf: String, progress: RoundProgress, picture: RoundPicture?, sector: String?, order: HeatmapOrder,
         paging: Paging, events: [ChallengeEvent], pairings: [PeerPairing], notice: String?, errors: [FieldError]) {
        let round = progress.round
        let shown = progress.members.filter { sector == nil || $0.row.member.sector == sector }
        let stages = RoundStage.allCases
        func cell(_ score: BoardScore?) -> Cell {
            guard let score else { return Cell(text: "-", ragClass: "") }
            return Cell(text: score.rating.text + (score.moderatedText.map { " (moderated \($0))" } ?? ""),
                        ragClass: score.effectiveRag.map { "rag-\($0.rawValue)" } ?? "")
        }
        let heatmapPage = ListPage(requested: paging.heatmap, total: picture?.submitted.count ?? 0)
        let listPage = ListPage(requested: paging.list, total: shown.count)
        let sectorParameter = (sector.map { ["sector=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")] } ?? [])
            + (order == .worstFirst ? [] : ["order=\(order.rawValue)"])
        let path = "/admin/rounds/\(round.id)"
        func pager(_ page: ListPage, _ parameter: String, other: String, _ otherPage: ListPage, label: String) -> Pager {
            page.pager(path: path, parameter: parameter, others: sectorParameter + (otherPage.number > 1 ? ["\(other)=\(otherPage.number)"] : []),
                       label: label)
        }
        let heatmap = picture.map { order.sorted($0.submitted)[heatmapPage.range] }?.map { organisation in
            HeatmapRow(organisation: organisation.organisation, sector: organisation.sector, overall: cell(organisation.overall),
                       movement: organisation.movement.changeText, cells: picture?.standards.map { cell(organisation.standard($0.id)) } ?? [])
        } ?? []
        let staff = picture?.staff.map { staff in
            Staff(counted: Counted(staff.organisationsCounted, "organisation").description, respondents: staff.respondentsCounted,
                  hasLeftOut: staff.organisationsLeftOut > 0,
                  leftOut: Counted(staff.organisationsLeftOut, "organisation").description, sectors: staff.sectors, lines: staff.lines.map { line in
                      StaffLine(statement: line.text, partnership: line.partnership.percentOfTotal ?? "-",
                                sectors: staff.sectors.map { line.bySector[$0]?.percentOfTotal ?? "-" })
                  })
        }
        let members = shown[listPage.range].map { row, stage in
            Member(auditID: row.auditID, organisation: row.member.organisation, sector: row.member.sector, lead: row.member.leadName,
                   returns: "\(row.submittedReturns) of \(row.officers)", stage: stage.rawValue, stageClass: stage == .overdue ? "overdue" : "",
                   held: row.submittedAt != nil && row.crosswalkID == nil, returnReason: row.returnReason, crosswalk: row.crosswalkID)
        }
        self.init(title: "\(round.board) \(round.year)", form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf),
                  id: round.id, board: round.board, year: round.year, deadline: round.deadline.spelledOut, notice: notice,
                  total: progress.members.count,
                  stages: progress.byStage.map { Stage(stage: $0.stage.rawValue.capitalisedFirst, count: $0.count) },
                  stageHeaders: stages.map { $0.rawValue.capitalisedFirst },
                  sectors: progress.bySector.map { sector, counts in
                      Sector(sector: sector, query: sector.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                             counts: stages.map { counts[$0] ?? 0 })
                  },
                  sector: sector, hasPicture: picture?.submitted.isEmpty == false,
                  standardIDs: picture?.standards.map { Standard(id: $0.id, title: $0.title) } ?? [],
                  orderChoices: HeatmapOrder.allCases.map { SelectOption(id: $0.rawValue, label: $0.label, selected: $0 == order) },
                  heatmap: heatmap,
                  heatmapPager: pager(heatmapPage, "page", other: "list", listPage, label: "Pages of the heatmap"),
                  spreads: picture?.spreads.map { spread in
                      Spread(standard: "\(spread.standardID) \(spread.title)", counts: Rag.allCases.map { spread.counts[$0] ?? 0 }, unrated: spread.unrated)
                  } ?? [],
                  themes: picture?.themes.map { theme in
                      let named = theme.organisations.prefix(10).joined(separator: ", ")
                      return Theme(requirement: theme.requirementID, statement: theme.statement, count: theme.organisations.count,
                                   organisations: theme.organisations.count > 10 ? "\(named) and \(theme.organisations.count - 10) more" : named)
                  } ?? [],
                  staff: staff, members: Array(members),
                  listPager: pager(listPage, "list", other: "page", heatmapPage, label: "Pages of the organisations"),
                  pairings: pairings.map { Pairing(pairingID: $0.id, reviewer: $0.reviewer, reviewee: $0.reviewee, state: $0.isActive ? "reviewing" : "ended") },
                  choices: progress.members.filter { $0.row.crosswalkID == nil }.map { Choice(auditID: $0.row.auditID, organisation: $0.row.member.organisation) },
                  events: events.map { Event(eventID: $0.id, title: $0.title, heldOn: $0.heldOn.spelledOut, count: $0.auditIDs.count) })
    }
}
