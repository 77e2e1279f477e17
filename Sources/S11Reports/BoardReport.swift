import S11Core

/// The board report for the board meeting. It opens with one page a member reads first (completion,
/// the partnership's bands by standard, the organisations most in need of challenge, the themes);
/// then the heatmap of organisations by standard, lowest overall first, compact enough for a page
/// of dozens; then completion by sector, the themes in full, what the challenge events and peer
/// reviews changed, and the staff survey across the partnership. Laid out once as sections of
/// paragraphs and tables, which `BoardReportHTML` and `BoardReportWord` each render.
public struct BoardReport: Sendable {
    /// What a challenge event changed: each organisation it challenged with its moderations since.
    public struct Challenge: Sendable {
        public var title: String
        public var heldOn: CalendarDate
        public var panel: [String]
        public var outcomes: [(organisation: String, changes: [ModerationChange])]

        public init(title: String, heldOn: CalendarDate, panel: [String], outcomes: [(organisation: String, changes: [ModerationChange])]) {
            self.title = title
            self.heldOn = heldOn
            self.panel = panel
            self.outcomes = outcomes
        }
    }

    /// A peer review and the ratings the reviewer proposed, with the board's decisions.
    public struct PeerReview: Sendable {
        public var reviewer: String
        public var reviewee: String
        public var proposals: [PeerProposal]

        public init(reviewer: String, reviewee: String, proposals: [PeerProposal]) {
            self.reviewer = reviewer
            self.reviewee = reviewee
            self.proposals = proposals
        }
    }

    public var board: String
    public var year: Int
    public var deadline: CalendarDate
    public var asOf: CalendarDate
    public var stages: [(stage: RoundStage, count: Int)]
    public var sectors: [(sector: String, counts: [RoundStage: Int])]
    /// Every member organisation and its stage, by name.
    public var members: [(organisation: String, sector: String, stage: RoundStage)]
    /// What the organisations submitted; nil when none has.
    public var picture: RoundPicture?
    public var challenges: [Challenge]
    public var peerReviews: [PeerReview]

    public init(board: String, year: Int, deadline: CalendarDate, asOf: CalendarDate, stages: [(stage: RoundStage, count: Int)],
                sectors: [(sector: String, counts: [RoundStage: Int])], members: [(organisation: String, sector: String, stage: RoundStage)],
                picture: RoundPicture?, challenges: [Challenge], peerReviews: [PeerReview]) {
        self.members = members
        self.board = board
        self.year = year
        self.deadline = deadline
        self.asOf = asOf
        self.stages = stages
        self.sectors = sectors
        self.picture = picture
        self.challenges = challenges
        self.peerReviews = peerReviews
    }

    public var title: String { "\(board): safeguarding self-assessment round \(year)" }

    /// A table cell: its text, and the band it is coloured in (also named in the text).
    struct Cell {
        var text: String
        var rag: Rag? = nil
    }

    /// A table: its header (each cell one or more lines), rows and the relative width of each
    /// column; a heatmap is set compact, in small type with its cells centred.
    struct Table {
        var header: [[String]]
        var widths: [Int]
        var rows: [[Cell]]
        var isHeatmap = false

        init(header: [String], widths: [Int], rows: [[Cell]]) {
            self.init(lines: header.map { [$0] }, widths: widths, rows: rows)
        }

        init(lines header: [[String]], widths: [Int], rows: [[Cell]], isHeatmap: Bool = false) {
            self.header = header
            self.widths = widths
            self.rows = rows
            self.isHeatmap = isHeatmap
        }
    }

    /// A section: its heading, paragraphs, and tables (each with an optional caption above it);
    /// the opening page's sections end it.
    struct Section {
        var title: String
        var paragraphs: [String] = []
        var tables: [(caption: String?, table: Table)] = []
        var endsPage = false
    }

    /// The opening lines under the title.
    var introduction: [String] {
        let total = stages.reduce(0) { $0 + $1.count }
        let submitted = stages.first { $0.stage == .submitted }?.count ?? 0
        return ["\(total) member organisations; \(submitted) have submitted their self-assessment to the board. Deadline \(deadline.spelledOut); figures as at \(asOf.spelledOut)."]
    }

    var sections: [Section] {
        var sections: [Section] = []
        if let picture {
            sections.append(opening(picture))
            sections.append(heatmap(picture))
        } else {
            sections.append(Section(title: "Completion", tables: [(nil, stageTable)], endsPage: true))
        }
        sections.append(completion)
        if let picture { sections.append(themes(picture)) }
        sections.append(challengeOutcomes)
        sections.append(peerOutcomes)
        if let staff = picture?.staff { sections.append(staffSection(staff)) }
        return sections
    }

    /// How many organisations are at each stage, in one row.
    var stageTable: Table {
        let order = RoundStage.allCases
        return Table(header: order.map { $0.rawValue.capitalisedFirst }, widths: order.map { _ in 1 },
                     rows: [order.map { stage in Cell(text: String(stages.first { $0.stage == stage }?.count ?? 0)) }])
    }

    private var completion: Section {
        let order = RoundStage.allCases
        return Section(title: "Completion by sector", tables: [
            (nil, Table(header: ["Sector"] + order.map { $0.rawValue.capitalisedFirst }, widths: [3] + order.map { _ in 1 },
                        rows: sectors.map { sector, counts in [Cell(text: sector)] + order.map { Cell(text: String(counts[$0] ?? 0)) } })),
        ] + (outstanding.isEmpty ? [] : [
            ("Not yet submitted to the board", Table(header: ["Organisation", "Sector", "Stage"], widths: [5, 3, 2],
                                                     rows: outstanding.map { [Cell(text: $0.organisation), Cell(text: $0.sector), Cell(text: $0.stage.rawValue)] })),
        ]))
    }

    /// The members that have not submitted, overdue first.
    private var outstanding: [(organisation: String, sector: String, stage: RoundStage)] {
        members.filter { $0.stage != .submitted }.sorted { ($0.stage == .overdue ? 0 : 1, $0.organisation) < ($1.stage == .overdue ? 0 : 1, $1.organisation) }
    }

    /// Every organisation that submitted, lowest overall first as the board holds it, under the
    /// partnership's median: each cell the band's initial and the whole percentage ("A 67", "*"
    /// where moderated), so that a landscape page holds dozens of organisations.
    private func heatmap(_ picture: RoundPicture) -> Section {
        let ids = picture.standards.map(\.id)
        let summary = HeatmapSummary(picture.submitted, standardIDs: ids)
        func median(_ column: HeatmapSummary.Column) -> Cell {
            Cell(text: column.compactMedian ?? "-", rag: column.middleBand)
        }
        func compact(_ score: BoardScore?) -> Cell {
            guard let score, score.effectiveRag != nil || score.boardPercent != nil else { return Cell(text: "-") }
            return Cell(text: score.compactText, rag: score.effectiveRag)
        }
        let key = picture.standards.map { "\($0.id) \($0.title)" }.joined(separator: "; ")
        return Section(title: "Organisations by standard",
                       paragraphs: ["What each organisation submitted to the board, lowest overall first: in each cell the band the board goes by (R Red, A Amber, G Green, B Blue) and the percentage, marked * where the board moderated it; the first row is the partnership's median. Since last year: the overall percentage against the board's round a year before, in points.",
                                    "The standards: \(key)."],
                       tables: [(nil, Table(lines: [["Organisation"], ["Overall"], ["Since", "last year"]] + picture.standards.map { [$0.id] },
                                            widths: [10, 3, 3] + ids.map { _ in 2 },
                                            rows: [[Cell(text: "Partnership median"), median(summary.overall), Cell(text: "")] + summary.standards.map(median)]
                                                + HeatmapOrder.worstFirst.sorted(picture.submitted).map { organisation in
                                                    [Cell(text: "\(organisation.organisation) (\(organisation.sector))"), compact(organisation.overall),
                                                     Cell(text: organisation.movement.signedChange ?? "-")]
                                                        + ids.map { compact(organisation.standard($0)) }
                                                },
                                            isHeatmap: true))])
    }

    private func themes(_ picture: RoundPicture) -> Section {
        Section(title: "The partnership's themes",
                paragraphs: picture.themes.isEmpty ? ["No requirement is a gap in what the organisations submitted."]
                    : ["The requirements most often a gap in what the organisations submitted."],
                tables: picture.themes.isEmpty ? [] : [
                    (nil, Table(header: ["Requirement", "Organisations", "Which"], widths: [5, 2, 5], rows: picture.themes.map { theme in
                        [Cell(text: "\(theme.requirementID) \(theme.statement)"), Cell(text: String(theme.organisations.count)),
                         Cell(text: theme.named(atMost: Self.namedInATheme))]
                    })),
                ])
    }

    /// How many organisations a theme names before "and N more"; the round's CSV names every one.
    static let namedInATheme = 10

    /// A moderation's change in words: "Red to Amber (score mostly)".
    static func change(_ change: ModerationChange) -> String {
        "\(change.old?.label ?? "self rating") to \(change.new?.label ?? "withdrawn")" + Moderation.scoreText(change.newOption)
    }

    private var challengeOutcomes: Section {
        guard !challenges.isEmpty else { return Section(title: "Challenge events", paragraphs: ["No challenge event has been held yet."]) }
        return Section(title: "Challenge events", tables: challenges.map { event in
            ("\(event.title), \(event.heldOn.spelledOut). Panel: \(event.panel.joined(separator: ", ")).",
             Table(header: ["Organisation", "Requirement or standard", "Moderated", "Why"], widths: [3, 2, 2, 5],
                   rows: event.outcomes.flatMap { organisation, changes in
                       changes.isEmpty ? [[Cell(text: organisation), Cell(text: "-"), Cell(text: "ratings stand as submitted"), Cell(text: "")]]
                           : changes.map { [Cell(text: organisation), Cell(text: $0.scope.description), Cell(text: Self.change($0), rag: $0.new),
                                            Cell(text: $0.reason)] }
                   }))
        })
    }

    private var peerOutcomes: Section {
        guard !peerReviews.isEmpty else { return Section(title: "Peer challenge", paragraphs: ["No organisations were paired for peer challenge."]) }
        return Section(title: "Peer challenge", tables: [
            (nil, Table(header: ["Reviewer", "Reviewed", "Requirement or standard", "Proposed", "Board's decision", "Why"], widths: [3, 3, 2, 2, 2, 4],
                        rows: peerReviews.flatMap { review in
                            review.proposals.isEmpty ? [[Cell(text: review.reviewer), Cell(text: review.reviewee), Cell(text: "-"),
                                                         Cell(text: "nothing proposed"), Cell(text: ""), Cell(text: "")]]
                                : review.proposals.map { proposal in
                                    [Cell(text: review.reviewer), Cell(text: review.reviewee), Cell(text: proposal.proposed.scope.description),
                                     Cell(text: proposal.proposed.text, rag: proposal.proposed.rag),
                                     Cell(text: proposal.decision.map { $0 == .accepted ? "accepted" : "rated its own way" } ?? "not yet decided"),
                                     Cell(text: proposal.proposed.reason)]
                                }
                        })),
        ])
    }

    private func staffSection(_ staff: RoundStaffPicture) -> Section {
        func figure(_ proportion: Proportion?) -> Cell {
            Cell(text: proportion?.percentOfTotal ?? "-")
        }
        var counted = "Counted: \(Counted(staff.organisationsCounted, "organisation")), \(staff.respondentsCounted) staff."
        if staff.organisationsLeftOut > 0 {
            counted += " Left out, because too few of their staff answered to show without risking identifying someone: \(Counted(staff.organisationsLeftOut, "organisation"))."
        }
        return Section(title: "Staff confidence survey across the partnership", paragraphs: [counted], tables: [
            (nil, Table(header: ["Statement", "Partnership (agreeing)"] + staff.sectors, widths: [6, 2] + staff.sectors.map { _ in 2 },
                        rows: staff.lines.map { line in [Cell(text: line.text), figure(line.partnership)] + staff.sectors.map { figure(line.bySector[$0]) } })),
        ])
    }
}
