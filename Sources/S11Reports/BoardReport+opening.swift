import S11Core

extension BoardReport {
    /// How many organisations each of the opening page's lists names.
    static let namedOnTheOpeningPage = 5

    /// The opening page, all a member may read: where the round stands, the partnership's bands by
    /// standard, the organisations most in need of challenge, and the commonest gaps.
    func opening(_ picture: RoundPicture) -> Section {
        let summary = HeatmapSummary(picture.submitted, standardIDs: picture.standards.map(\.id))
        let bands = Table(header: ["Standard", "Median", "Red", "Amber", "Green", "Blue", "Unrated"], widths: [14, 3, 2, 2, 2, 2, 2],
                          rows: zip(picture.standards, summary.standards).map { standard, column in
                              [Cell(text: "\(standard.id) \(standard.title)"),
                               Cell(text: column.median.map { PercentText.format($0) + "%" + (column.middleBand.map { " \($0.label)" } ?? "") } ?? "-",
                                    rag: column.middleBand)]
                                  + Rag.allCases.reversed().map { Cell(text: String(column.counts[$0] ?? 0)) } + [Cell(text: String(column.unrated))]
                          })
        let themes = Table(header: ["Requirement", "A gap in"], widths: [14, 3], rows: picture.themes.prefix(Self.namedOnTheOpeningPage).map { theme in
            [Cell(text: "\(theme.requirementID) \(theme.statement)"), Cell(text: Counted(theme.organisations.count, "organisation").description)]
        })
        let stagesLine = stages.map { "\($0.stage.rawValue.capitalisedFirst): \($0.count)" }.joined(separator: "; ") + "."
        return Section(title: "At a glance", paragraphs: [stagesLine], tables: [
            ("The partnership's bands by standard (median and how many organisations in each band)", bands),
            ("Most in need of challenge", challengeTable(picture)),
        ] + (picture.themes.isEmpty ? [] : [("The commonest gaps", themes)]), endsPage: true)
    }

    /// Three lists side by side: the lowest overall, the most Red standards, the biggest fall since last year.
    private func challengeTable(_ picture: RoundPicture) -> Table {
        let count = Self.namedOnTheOpeningPage
        let lowest = HeatmapOrder.worstFirst.sorted(picture.submitted).filter { $0.overall?.boardPercent != nil }.prefix(count).map { organisation in
            "\(organisation.organisation): \(Self.held(organisation.overall))"
        }
        let mostReds = HeatmapOrder.mostReds.sorted(picture.submitted).filter { $0.redStandards > 0 }.prefix(count).map { organisation in
            "\(organisation.organisation): \(Counted(organisation.redStandards, "standard")) Red"
        }
        let falls = picture.submitted.compactMap { organisation in organisation.movement.change.flatMap { $0 < 0 ? (organisation, $0) : nil } }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : NaturalOrder.precedes($0.0.organisation, $1.0.organisation) }.prefix(count)
            .map { organisation, change in "\(organisation.organisation): \(PercentText.format(change)) points" }
        let columns = [lowest.isEmpty ? ["None is rated."] : lowest, mostReds.isEmpty ? ["No organisation has a Red standard."] : mostReds,
                       falls.isEmpty ? ["None fell since last year's round."] : falls]
        return Table(header: ["Lowest overall", "Most Red standards", "Biggest fall since last year"], widths: [1, 1, 1],
                     rows: (0..<(columns.map(\.count).max() ?? 0)).map { row in columns.map { Cell(text: row < $0.count ? $0[row] : "") } })
    }

    /// The figure the board goes by: "58.3% Amber", "(moderated)" where it moderated.
    static func held(_ score: BoardScore?) -> String {
        guard let score, let percent = score.boardPercent else { return "unrated" }
        return PercentText.format(percent) + "%" + (score.effectiveRag.map { " \($0.label)" } ?? "") + (score.moderated != nil ? " (moderated)" : "")
    }
}
