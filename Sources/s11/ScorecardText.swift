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

    func render(allRequirements: Bool) -> String {
        var out = "\(card.organisation) \(card.year) self-assessment: \(card.returns) returns scored\n\n"
        let moderated = card.standards.contains { $0.moderation != nil } || card.requirements.contains { $0.moderation != nil }
        out += TextTable(header: ["Standard", "Score", "RAG"] + (moderated ? ["Moderated"] : []) + ["Gaps"],
                         rows: card.standards.map { standard in
            ["\(standard.number). \(standard.title)"] + cells(standard.rating)
                + (moderated ? [standard.moderation?.rag.label ?? "-"] : [])
                + [String(gaps.filter { $0.standardID == standard.standardID }.count)]
        } + [["Organisation"] + cells(card.overall) + (moderated ? [""] : []) + [String(gaps.count)]]).render()
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
            out += TextTable(header: ["Id", "Score", "RAG", "Moderated", "Answers", "Note"], rows: card.requirements.map { requirement in
                [requirement.requirementID] + cells(requirement.rating) + [requirement.moderation?.rag.label ?? "-"]
                    + [requirement.answers.map { "\($0.serviceArea): \($0.optionLabel)" }.joined(separator: "; "),
                       requirement.rating.capped ?? ""]
            }).render()
        }
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

    private func cells(_ rating: Rating) -> [String] {
        [rating.percent.map { PercentText.format($0) + "%" } ?? "-", rating.rag?.label ?? "-"]
    }

    private func short(_ rating: Rating) -> String {
        guard let percent = rating.percent, let rag = rating.rag else { return "-" }
        return "\(Int(percent.rounded()))% \(rag.rawValue.prefix(1).uppercased())"
    }
}
