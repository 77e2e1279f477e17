import S11Core

/// The scorecard as terminal text.
struct ScorecardText {
    let card: Scorecard
    let gaps: [Gap]
    let content: AuditContent
    /// Every moderation change, printed as the audit trail.
    let trail: [ModerationChange]
    /// Another year's scorecard, for movement per standard.
    var previous: Scorecard? = nil
    /// The staff confidence survey's results.
    var staff: StaffResults? = nil

    /// The moderated rating as a column shows it: the panel's percentage and band where it scored
    /// on the scale ("58.3% Amber"), else the band, else "-".
    static func moderated(_ moderation: Moderation?, _ rating: Rating?) -> String {
        rating?.text ?? moderation?.rag.label ?? "-"
    }

    func render(allRequirements: Bool) -> String {
        var out = "\(card.organisation) \(card.year) self-assessment: \(Counted(card.returns, "return")) scored\n\n"
        let moderated = card.standards.contains { $0.moderation != nil } || card.requirements.contains { $0.moderation != nil }
        out += TextTable(header: ["Standard", "Score", "RAG"] + (moderated ? ["Moderated"] : []) + ["Gaps"],
                         rows: card.standards.map { standard in
            ["\(standard.number). \(standard.title)"] + cells(standard.rating)
                + (moderated ? [Self.moderated(standard.moderation, standard.moderatedRating)] : [])
                + [String(gaps.filter { $0.standardID == standard.standardID }.count)]
        } + [["Organisation"] + cells(card.overall) + (moderated ? [card.moderatedOverall?.text ?? "-"] : []) + [String(gaps.count)]]).render()
        if let previous {
            let movement = ScoreMovement(current: card, previous: previous)
            out += "\n\nMovement since \(previous.year)\n"
            out += TextTable(header: ["Standard", String(previous.year), String(card.year), "Change"],
                             rows: movement.standards.map { line in
                [line.standardID, line.previous.map { PercentText.format($0) + "%" } ?? "-",
                 line.current.map { PercentText.format($0) + "%" } ?? "-", line.changeText]
            } + [["Organisation", movement.overall.previous.map { PercentText.format($0) + "%" } ?? "-",
                  movement.overall.current.map { PercentText.format($0) + "%" } ?? "-", movement.overall.changeText]]).render()
        }
        if !card.serviceAreas.isEmpty {
            out += "\n\nService areas\n"
            out += TextTable(header: ["Service area", "Score", "RAG"] + card.standards.map { $0.standardID },
                             rows: card.serviceAreas.map { area in
                [area.serviceArea] + cells(area.overall)
                    + card.standards.map { standard in area.standards[standard.standardID].map(short) ?? "-" }
            }).render()
        }
        if allRequirements {
            out += "\n\nRequirements\n"
            out += TextTable(header: ["Id", "Score", "RAG", "Moderated", "Spread", "Answers", "Note"], rows: card.requirements.map { requirement in
                [requirement.requirementID] + cells(requirement.rating) + [Self.moderated(requirement.moderation, requirement.moderatedRating),
                 requirement.spread >= 2 ? "\(requirement.spread) steps: inconsistent" : String(requirement.spread)]
                    + [requirement.answers.map { "\($0.serviceArea): \($0.optionLabel)" }.joined(separator: "; "),
                       requirement.rating.capped ?? ""]
            }).render()
        }
        if let staff { out += staffSection(staff) }
        out += "\n\nGaps (\(gaps.count)): each becomes an objective in 's11 plan draft'\n"
        for gap in gaps {
            let statement = content.catalogue.requirement(gap.requirementID)?.statement ?? ""
            out += "- \(gap.requirementID) \(statement)\n  \(gap.explanation)\n"
        }
        let na = card.requirements.flatMap { requirement in
            requirement.answers.filter(\.isNotApplicable).map { "- \(requirement.requirementID) \($0.serviceArea) (\($0.officerName)): \($0.naReason ?? "")" }
        }
        if !na.isEmpty { out += "\nNot applicable (left out of the scores)\n" + na.joined(separator: "\n") + "\n" }
        if !trail.isEmpty {
            out += "\nModeration trail\n"
            for change in trail {
                out += "- \(change.at) \(change.by): \(change.scope) \(change.old?.label ?? "none") -> \(change.new?.label ?? "withdrawn"): \(change.reason)\n"
            }
        }
        return out
    }

    private func staffSection(_ staff: StaffResults) -> String {
        var out = "\n\nStaff confidence: \(staff.respondents) anonymous respondents"
            + (staff.previousRespondents.map { " (\($0) last year)" } ?? "") + "; percent agreeing, 95% interval\n"
        out += TextTable(header: ["Statement", "Agree", "95% CI", "n", "Target", "Last year", "Change", "Officers' rating", "Gap"],
                         rows: staff.statements.map { statement in
            let figure = statement.overall
            let officers = statement.requirementID.flatMap { card.requirement($0) }
            return [statement.statementID, figure.percent.map { PercentText.format($0) + "%" } ?? "-",
                    figure.interval.map { "\(PercentText.format($0.low))-\(PercentText.format($0.high))%" } ?? "-",
                    String(figure.agreeing?.total ?? 0), statement.targetPercent.map { PercentText.format($0) + "%" } ?? "-",
                    statement.change.flatMap { $0.previous.percent }.map { PercentText.format($0) + "%" } ?? "-",
                    statement.change.map { ($0.points > 0 ? "+" : "") + PercentText.format($0.points) + ($0.significant ? " (significant)" : "") } ?? "-",
                    officers.map { "\($0.requirementID) \(cells($0.rating).joined(separator: " "))" } ?? "-",
                    statement.isGap ? "yes" : ""]
        }).render()
        let areas = staff.serviceAreas.filter { area in staff.statements.contains { $0.byServiceArea[area.value] != nil } }
        if !areas.isEmpty {
            out += "\n\nBy service area (groups under \(staff.minimumGroup) respondents are not shown)\n"
            out += TextTable(header: ["Statement"] + areas.map(\.label), rows: staff.statements.map { statement in
                [statement.statementID] + areas.map { area in
                    guard let figure = statement.byServiceArea[area.value] else { return "-" }
                    return figure.suppressed ? "<\(staff.minimumGroup)" : figure.percent.map { PercentText.format($0) + "%" } ?? "-"
                }
            }).render()
        }
        return out
    }

    private func cells(_ rating: Rating) -> [String] {
        [rating.percent.map { PercentText.format($0) + "%" } ?? "-", rating.rag?.label ?? "-"]
    }

    private func short(_ rating: Rating) -> String {
        guard let percent = rating.percent, let rag = rating.rag else { return "-" }
        return "\(Int(percent.rounded()))% \(rag.rawValue.prefix(1).uppercased())"
    }
}
