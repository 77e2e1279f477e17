import Foundation
import S11App
import S11Core

extension RoundPage {
    /// Which rows of the two long lists the page shows (`?page=` the heatmap's, `?list=` the organisations').
    struct Paging {
        var heatmap: Int?
        var list: Int?
    }

    /// What the board asked the page for: the sector (`?sector=`), the filter (`?stage=`, `?band=`,
    /// `?changed=yes`) and the heatmap's order (`?order=`).
    struct Narrowing {
        var sector: String?
        var filter = RoundFilter()
        var order = HeatmapOrder.worstFirst

        /// The query parameters that ask for it again, encoded, for the pagers' links.
        var parameters: [String] {
            func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            return (sector.map { ["sector=" + encoded($0)] } ?? []) + (filter.stage.map { ["stage=\($0.rawValue)"] } ?? [])
                + (filter.band.map { ["band=\($0.rawValue)"] } ?? []) + (filter.changedSinceLastYear ? ["changed=yes"] : [])
                + (order == .worstFirst ? [] : ["order=\(order.rawValue)"])
        }
    }

    init(account: Coordinator, csrf: String, overview: RoundOverview, dashboard: RoundDashboard?,
         members shown: (members: [(row: RoundMemberStatus, stage: RoundStage)], total: Int), narrowing: Narrowing,
         paging: Paging, events: [ChallengeEvent], pairings: [PeerPairing], notice: String?, errors: [FieldError]) {
        let round = overview.round
        let sector = narrowing.sector
        let inSector = sector.map { [$0: overview.counts[$0] ?? [:]] } ?? overview.counts
        let stages = RoundStage.allCases
        let heatmapPage = ListPage(requested: paging.heatmap, total: dashboard?.onHeatmap ?? 0)
        let listPage = ListPage(requested: paging.list, total: shown.total)
        let path = "/admin/rounds/\(round.id)"
        func pager(_ page: ListPage, _ parameter: String, other: String, _ otherPage: ListPage, label: String) -> Pager {
            page.pager(path: path, parameter: parameter, others: narrowing.parameters + (otherPage.number > 1 ? ["\(other)=\(otherPage.number)"] : []),
                       label: label)
        }
        let standards = dashboard?.standards ?? []
        let heatmap = (dashboard?.heatmap ?? []).map { organisation in
            HeatmapRow(organisation: organisation.organisation, sector: organisation.sector, overall: Self.cell(organisation.overall),
                       movement: Self.movement(organisation.movement), cells: standards.map { Self.cell(organisation.standard($0.id)) })
        }
        let members = shown.members.map { row, stage in
            Member(auditID: row.auditID, organisation: row.member.organisation, sector: row.member.sector, lead: row.member.leadName,
                   returns: "\(row.submittedReturns) of \(row.officers)", stage: stage.rawValue, stageClass: stage == .overdue ? "overdue" : "",
                   held: row.submittedAt != nil && row.crosswalkID == nil,
                   submitted: (row.submittedAt != nil || row.returnedAt != nil) && row.crosswalkID == nil, returnReason: row.returnReason,
                   crosswalk: row.crosswalkID)
        }
        self.init(title: "\(round.board) \(round.year)", form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf),
                  id: round.id, board: round.board, year: round.year, deadline: round.deadline.spelledOut, notice: notice,
                  total: Counted(overview.total, "member organisation").description,
                  stages: overview.byStage.map { Stage(stage: $0.stage.rawValue.capitalisedFirst, count: Counted.figure($0.count)) },
                  stageHeaders: stages.map { $0.rawValue.capitalisedFirst },
                  sectors: overview.bySector.map { sector, counts in
                      Sector(sector: sector, query: sector.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                             counts: stages.map { Counted.figure(counts[$0] ?? 0) })
                  },
                  sector: sector, hasPicture: (dashboard?.held ?? 0) > 0,
                  filters: Self.filters(overview: overview, narrowing: narrowing, inSector: inSector, dashboard: dashboard,
                                        matching: shown.total, onHeatmap: dashboard?.onHeatmap ?? 0),
                  standardIDs: standards.map { Standard(id: $0.id, short: S11Core.Standard.shortTitle(of: $0.title), title: $0.title) },
                  summary: (dashboard?.onHeatmap ?? 0) == 0 ? [] : dashboard.map(Self.summary) ?? [],
                  heatmap: heatmap,
                  heatmapPager: pager(heatmapPage, "page", other: "list", listPage, label: "Pages of the heatmap"),
                  spreads: dashboard?.spreads.map { spread in
                      Spread(standard: "\(spread.standardID) \(spread.title)", counts: Rag.allCases.map { Counted.figure(spread.counts[$0] ?? 0) },
                             unrated: Counted.figure(spread.unrated))
                  } ?? [],
                  themes: dashboard?.themes.map { theme in
                      Theme(requirement: theme.requirementID, statement: theme.statement, count: Counted.figure(theme.count),
                            organisations: theme.named(atMost: BoardRounds.themeNames))
                  } ?? [],
                  staff: dashboard?.staff.map(Self.staff), members: members,
                  listPager: pager(listPage, "list", other: "page", heatmapPage, label: "Pages of the organisations"),
                  pairings: pairings.map { Pairing(pairingID: $0.id, reviewer: $0.reviewer, reviewee: $0.reviewee, state: $0.isActive ? "reviewing" : "ended") },
                  events: events.map { Event(eventID: $0.id, title: $0.title, heldOn: $0.heldOn.spelledOut, count: Counted($0.auditIDs.count, "organisation").description) })
    }

    private static func cell(_ score: BoardScore?) -> Cell {
        guard let score, score.effectiveRag != nil || score.boardPercent != nil else { return Cell(text: "-", full: "not rated", ragClass: "") }
        return Cell(text: score.compactText, full: score.spokenText, ragClass: score.effectiveRag.map { "rag-\($0.rawValue)" } ?? "")
    }

    private static func movement(_ line: ScoreMovement.Line) -> Cell {
        guard let change = line.signedChange else { return Cell(text: "-", full: "not in last year's round", ragClass: "") }
        return Cell(text: change, full: line.changeText, ragClass: "")
    }

    /// The median row and a row per band, over every organisation on the heatmap.
    private static func summary(_ dashboard: RoundDashboard) -> [SummaryRow] {
        let summary = dashboard.summary
        func median(_ column: HeatmapSummary.Column) -> Cell {
            guard let median = column.median, let text = column.compactMedian else { return Cell(text: "-", full: "none rated", ragClass: "") }
            let band = column.middleBand
            return Cell(text: text,
                        full: "median \(PercentText.format(median))%" + (band.map { ", middle band \($0.label)" } ?? ""),
                        ragClass: band.map { "rag-\($0.rawValue)" } ?? "")
        }
        func count(_ column: HeatmapSummary.Column, _ band: Rag) -> Cell {
            let count = column.counts[band] ?? 0
            return Cell(text: Counted.figure(count), full: "\(Counted(count, "organisation")) \(band.label)", ragClass: "")
        }
        return [SummaryRow(label: "Partnership median", overall: median(summary.overall), cells: summary.standards.map(median))]
            + Rag.allCases.reversed().map { band in
                SummaryRow(label: "How many \(band.label)", overall: count(summary.overall, band), cells: summary.standards.map { count($0, band) })
            }
    }

    private static func filters(overview: RoundOverview, narrowing: Narrowing, inSector: [String: [RoundStage: Int]],
                                dashboard: RoundDashboard?, matching: Int, onHeatmap: Int) -> Filters {
        let filter = narrowing.filter
        func option(_ id: String, _ label: String, _ count: Int, _ selected: Bool) -> SelectOption {
            SelectOption(id: id, label: "\(label) (\(Counted.figure(count)))", selected: selected)
        }
        let changed = dashboard?.changedSinceLastYear ?? 0
        let scope = narrowing.sector.map { "in \($0)" } ?? "of the round"
        return Filters(
            sectors: [SelectOption(id: "", label: "Every sector (\(Counted.figure(overview.total)))", selected: narrowing.sector == nil)]
                + overview.bySector.sorted { NaturalOrder.precedes($0.sector, $1.sector) }.map { sector, counts in
                    option(sector, sector, counts.values.reduce(0, +), sector == narrowing.sector)
                },
            stages: [SelectOption(id: "", label: "Any stage", selected: filter.stage == nil)] + RoundFilter.Stage.allCases.map { stage in
                option(stage.rawValue, stage.label,
                       stage == .moderated ? dashboard?.moderated ?? 0
                           : inSector.values.flatMap { $0 }.filter { RoundFilter(stage: stage).admits(stage: $0.key, admittedHeld: true) }.reduce(0) { $0 + $1.value },
                       stage == filter.stage)
            },
            bands: [SelectOption(id: "", label: "Any", selected: filter.band == nil)] + Rag.allCases.reversed().map { band in
                option(band.rawValue, "\(band.label) in any standard", dashboard?.withStandardIn[band] ?? 0, band == filter.band)
            },
            orders: HeatmapOrder.allCases.map { SelectOption(id: $0.rawValue, label: $0.label, selected: $0 == narrowing.order) },
            changed: filter.changedSinceLastYear, changedLabel: "Overall changed since last year (\(Counted.figure(changed)))",
            matching: "\(Counted.figure(matching)) of the \(Counted(inSector.values.flatMap(\.values).reduce(0, +), "member organisation")) \(scope) match; \(Counted.figure(onHeatmap)) of them \(onHeatmap == 1 ? "is" : "are") on the heatmap (submitted to the board).",
            narrowed: !filter.isEmpty || narrowing.sector != nil)
    }

    private static func staff(_ staff: RoundStaffPicture) -> Staff {
        Staff(counted: Counted(staff.organisationsCounted, "organisation").description, respondents: Counted.figure(staff.respondentsCounted),
              hasLeftOut: staff.organisationsLeftOut > 0,
              leftOut: Counted(staff.organisationsLeftOut, "organisation").description, sectors: staff.sectors, lines: staff.lines.map { line in
                  StaffLine(statement: line.text, partnership: line.partnership.percentOfTotal ?? "-",
                            sectors: staff.sectors.map { line.bySector[$0]?.percentOfTotal ?? "-" })
              })
    }
}
