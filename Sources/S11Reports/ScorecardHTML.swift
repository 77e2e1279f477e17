import S11Core

/// The board report: one self-contained page (inline CSS and SVG, no scripts) that prints on A4.
/// A heatmap of standards by service area in RAG colours with the percentage in each cell, the
/// standards with self and moderated ratings side by side (and last year's, when compared), the
/// gaps with why each is one, the N/A answers with their reasons and the moderation trail.
public struct ScorecardHTML: Sendable {
    public var card: Scorecard
    public var gaps: [Gap]
    public var catalogue: Catalogue
    public var trail: [ModerationChange]
    public var previous: Scorecard?
    public var staff: StaffResults?
    /// Whether each officer is named beside their answers and N/A reasons: for the organisation's
    /// own coordinator, never for a board's summary, which counts the answers instead.
    public var showsOfficers: Bool
    /// How the trail's moments are written: in words, in the council's time zone.
    public var moments: MomentWords

    public init(card: Scorecard, gaps: [Gap], catalogue: Catalogue, trail: [ModerationChange] = [], previous: Scorecard? = nil,
                staff: StaffResults? = nil, showsOfficers: Bool = true, moments: MomentWords = .london) {
        self.showsOfficers = showsOfficers
        self.moments = moments
        self.card = card
        self.gaps = gaps
        self.catalogue = catalogue
        self.trail = trail
        self.previous = previous
        self.staff = staff
    }

    /// The scorecard's page; `banner` is escaped HTML shown above it on screen (the signed-in bar), never printed.
    public func render(banner: String = "") -> String {
        let title = "\(card.organisation): safeguarding self-assessment \(card.year)"
        var html = ReportStyle.head(title: title, banner: banner) + """
            <header>
            <h1>\(e(title))</h1>
            <p class="lead">\(Counted(card.returns, "return")) scored against \(e(catalogue.title)).
            Overall \(rating(card.overall))\(card.moderatedOverall.map { "; moderated " + rating($0) } ?? ""); \(gaps.count) gaps, each an objective in next year's plan.</p>
            </header>
            <main>

            """
        html += heatmap()
        html += standardsTable()
        if let staff { html += staffSection(staff) }
        html += gapList()
        html += notApplicable()
        html += moderationTrail()
        html += key()
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private func heatmap() -> String {
        guard !card.serviceAreas.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="heatmap">
            <h2 id="heatmap">Standards by service area</h2>
            <table class="heatmap">
            <thead><tr><th scope="col">Service area</th>
            """
        for standard in card.standards {
            out += "<th scope=\"col\" title=\"\(e(standard.title))\">\(e(standard.standardID))</th>"
        }
        out += "<th scope=\"col\">Overall</th></tr></thead>\n<tbody>\n"
        for area in card.serviceAreas {
            out += "<tr><th scope=\"row\">\(e(area.serviceArea))</th>"
            for standard in card.standards {
                out += cell(area.standards[standard.standardID])
            }
            out += cell(area.overall) + "</tr>\n"
        }
        out += "<tr class=\"total\"><th scope=\"row\">Organisation</th>"
        for standard in card.standards { out += cell(standard.rating) }
        out += cell(card.overall) + "</tr>\n</tbody>\n</table>\n"
        out += "<p class=\"note\">Each cell: the percentage and its band (B, G, A, R). A dash: the area did not answer that standard.</p>\n</section>\n"
        return out
    }

    private func standardsTable() -> String {
        let movement = previous.map { ScoreMovement(current: card, previous: $0) }
        var out = """
            <section aria-labelledby="standards">
            <h2 id="standards">Standards: self and moderated ratings</h2>
            <table>
            <thead><tr><th scope="col">Standard</th><th scope="col">Self rating</th><th scope="col">Moderated</th>
            """
        if let previous { out += "<th scope=\"col\">\(previous.year)</th><th scope=\"col\">Change</th>" }
        out += "<th scope=\"col\">Gaps</th><th scope=\"col\">Chart</th></tr></thead>\n<tbody>\n"
        for (index, standard) in card.standards.enumerated() {
            out += "<tr><th scope=\"row\">\(standard.number). \(e(standard.title))</th>"
            let moderated = [standard.moderatedRating.map(rating), standard.moderation.map { badge($0.rag) + " " + e($0.reason) }].compactMap { $0 }
            out += "<td>\(rating(standard.rating))</td><td>\(moderated.isEmpty ? "-" : moderated.joined(separator: "<br>"))</td>"
            if let line = movement?.standards[index] {
                out += "<td>\(line.previous.map { PercentText.format($0) + "%" } ?? "-")</td><td>\(e(line.changeText))</td>"
            }
            out += "<td>\(gaps.filter { $0.standardID == standard.standardID }.count)</td>"
            out += "<td>\(bar(standard.rating, previous: movement?.standards[index].previous))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    private func staffSection(_ staff: StaffResults) -> String {
        var out = """
            <section aria-labelledby="staff">
            <h2 id="staff">Staff confidence</h2>
            <p>\(staff.respondents) anonymous respondents\(staff.previousRespondents.map { " (\($0) last year)" } ?? ""). Bars: percent agreeing;
            whiskers: 95% interval; black mark: last year; dashed line: target. Beside each, the officers' own rating of the requirement the statement tests.</p>
            <table>
            <thead><tr><th scope="col">Statement</th><th scope="col">Agree</th><th scope="col">Chart</th><th scope="col">Change</th><th scope="col">Officers' rating</th></tr></thead>
            <tbody>

            """
        for statement in staff.statements {
            let figure = statement.overall
            let officers = statement.requirementID.flatMap { card.requirement($0) }
            out += "<tr\(statement.isGap ? " class=\"gap\"" : "")><th scope=\"row\">\(e(statement.statementID)) \(e(statement.text))"
            for reason in statement.gapReasons { out += "<p class=\"note\">\(e(reason))</p>" }
            out += "</th><td>\(figure.percent.map { PercentText.format($0) + "%" } ?? "-")<br><span class=\"note\">n=\(figure.agreeing?.total ?? 0)</span></td>"
            out += "<td>\(confidenceChart(statement))</td>"
            out += "<td>\(statement.change.map { e(($0.points > 0 ? "+" : "") + PercentText.format($0.points) + " points" + ($0.significant ? ", significant" : "")) } ?? "-")</td>"
            out += "<td>\(officers.map { e($0.requirementID) + " " + rating($0.rating) } ?? "-")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        let areas = staff.serviceAreas.filter { area in staff.statements.contains { $0.byServiceArea[area.value] != nil } }
        if !areas.isEmpty {
            out += "<table class=\"heatmap\">\n<caption>Percent agreeing by service area (groups under \(staff.minimumGroup) are not shown, so no one can be identified)</caption>\n"
            out += "<thead><tr><th scope=\"col\">Statement</th>" + areas.map { "<th scope=\"col\">\(e($0.label))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for statement in staff.statements {
                out += "<tr><th scope=\"row\">\(e(statement.statementID))</th>"
                for area in areas {
                    guard let figure = statement.byServiceArea[area.value] else { out += "<td class=\"none\">-</td>"; continue }
                    if figure.suppressed { out += "<td class=\"none\">fewer than \(staff.minimumGroup)</td>"; continue }
                    let band = figure.percent.map { $0 >= (statement.targetPercent ?? 80) ? "green" : $0 >= 50 ? "amber" : "red" } ?? "none"
                    out += "<td class=\"\(band)\">\(figure.percent.map { PercentText.format($0) + "%" } ?? "-")</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    /// Percent agreeing as a bar with its 95% interval, last year's figure and the target.
    private func confidenceChart(_ statement: StaffResults.StatementResult) -> String {
        let width = 240.0
        func x(_ percent: Double) -> String { format(width * percent / 100) }
        let figure = statement.overall
        var label = figure.percent.map { "\(PercentText.format($0)) percent agree" } ?? "no answers"
        if let interval = figure.interval { label += ", 95% interval \(PercentText.format(interval.low)) to \(PercentText.format(interval.high))" }
        if let before = statement.change?.previous.percent { label += ", last year \(PercentText.format(before))" }
        if let target = statement.targetPercent { label += ", target \(PercentText.format(target))" }
        var svg = "<svg class=\"bar\" width=\"\(Int(width))\" height=\"20\" viewBox=\"0 0 \(Int(width)) 20\" role=\"img\" aria-label=\"\(e(label))\">"
        svg += "<rect x=\"0\" y=\"5\" width=\"\(Int(width))\" height=\"10\" class=\"track\"/>"
        if let percent = figure.percent {
            let band = percent >= (statement.targetPercent ?? 80) ? "green" : percent >= 50 ? "amber" : "red"
            svg += "<rect x=\"0\" y=\"5\" width=\"\(x(percent))\" height=\"10\" class=\"\(band)\"/>"
        }
        if let interval = figure.interval {
            svg += "<line x1=\"\(x(interval.low))\" y1=\"10\" x2=\"\(x(interval.high))\" y2=\"10\" class=\"whisker\"/>"
            svg += "<line x1=\"\(x(interval.low))\" y1=\"6\" x2=\"\(x(interval.low))\" y2=\"14\" class=\"whisker\"/>"
            svg += "<line x1=\"\(x(interval.high))\" y1=\"6\" x2=\"\(x(interval.high))\" y2=\"14\" class=\"whisker\"/>"
        }
        if let before = statement.change?.previous.percent {
            svg += "<rect x=\"\(format(max(0, width * before / 100 - 1)))\" y=\"1\" width=\"2\" height=\"18\" class=\"previous\"/>"
        }
        if let target = statement.targetPercent {
            svg += "<line x1=\"\(x(target))\" y1=\"0\" x2=\"\(x(target))\" y2=\"20\" class=\"target\"/>"
        }
        return svg + "</svg>"
    }

    private func gapList() -> String {
        var out = "<section aria-labelledby=\"gaps\">\n<h2 id=\"gaps\">Gaps (\(gaps.count))</h2>\n"
        guard !gaps.isEmpty else { return out + "<p>No gaps: every requirement is rated Green or Blue.</p>\n</section>\n" }
        out += "<table>\n<thead><tr><th scope=\"col\">Requirement</th><th scope=\"col\">Rating</th><th scope=\"col\">\(showsOfficers ? "Each officer's answer" : "Answers")</th><th scope=\"col\">Why it is a gap</th></tr></thead>\n<tbody>\n"
        for gap in gaps {
            let requirement = card.requirement(gap.requirementID)
            out += "<tr><th scope=\"row\">\(e(gap.requirementID)) \(e(requirement?.statement ?? ""))</th>"
            out += "<td>\(requirement.map { rating($0.rating) } ?? "-")\(requirement?.moderation.map { "<br>moderated " + badge($0.rag) } ?? "")</td>"
            let answers = showsOfficers ? requirement?.answers.map { answer in
                "\(e(answer.serviceArea)) (\(e(answer.officerName))): \(e(answer.optionLabel))"
                    + (answer.documents.isEmpty ? "" : "; documents: " + answer.documents.map { e($0.name) }.joined(separator: ", "))
            } ?? [] : answerCounts(requirement?.answers ?? []) + Self.documentsCount(requirement?.answers ?? [])
            let spread = (requirement?.spread ?? 0) >= 2 ? "<p class=\"note\">Spread \(requirement!.spread) steps: inconsistent practice</p>" : ""
            out += "<td>\(answers.joined(separator: "<br>"))\(spread)</td>"
            out += "<td>\(e(gap.explanation))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// How many documents the answers attach, for a reader who sees no officer: none said when none.
    static func documentsCount(_ answers: [ScoredAnswer]) -> [String] {
        let count = answers.reduce(0) { $0 + $1.documents.count }
        return count == 0 ? [] : [count == 1 ? "1 document attached" : "\(count) documents attached"]
    }

    private func notApplicable() -> String {
        let rows = card.requirements.flatMap { requirement in
            requirement.answers.filter(\.isNotApplicable).map { (requirement.requirementID, $0) }
        }
        guard !rows.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="na">
            <h2 id="na">Not applicable (left out of the scores)</h2>
            <table>
            <thead><tr><th scope="col">Requirement</th><th scope="col">Service area</th><th scope="col">Officer</th><th scope="col">Reason</th></tr></thead>
            <tbody>

            """
        guard showsOfficers else { return notApplicableCounts(rows.map(\.0)) }
        for (id, answer) in rows {
            out += "<tr><td>\(e(id))</td><td>\(e(answer.serviceArea))</td><td>\(e(answer.officerName))</td><td>\(e(answer.naReason ?? ""))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// How many officers gave each answer, in order of first appearance: "Partially: 2".
    private func answerCounts(_ answers: [ScoredAnswer]) -> [String] {
        Self.counted(answers.map(\.optionLabel)).map { "\(e($0.0)): \($0.1)" }
    }

    /// How often each value occurs, in order of first appearance.
    private static func counted(_ values: [String]) -> [(String, Int)] {
        var counts: [(String, Int)] = []
        for value in values {
            if let index = counts.firstIndex(where: { $0.0 == value }) { counts[index].1 += 1 } else { counts.append((value, 1)) }
        }
        return counts
    }

    /// For a board's summary: how many N/A answers each requirement has, without who or why.
    private func notApplicableCounts(_ ids: [String]) -> String {
        """
            <section aria-labelledby="na">
            <h2 id="na">Not applicable (left out of the scores)</h2>
            <table>
            <thead><tr><th scope="col">Requirement</th><th scope="col">N/A answers</th></tr></thead>
            <tbody>

            """ + Self.counted(ids).map { "<tr><td>\(e($0.0))</td><td>\($0.1)</td></tr>\n" }.joined() + "</tbody>\n</table>\n</section>\n"
    }

    private func moderationTrail() -> String {
        guard !trail.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="trail">
            <h2 id="trail">Moderation trail</h2>
            <table>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Why</th></tr></thead>
            <tbody>

            """
        for change in trail {
            out += "<tr><td>\(e(moments.text(iso: change.at)))</td><td>\(e(change.by))</td><td>\(e(change.scope.description))</td>"
            out += "<td>\(change.old.map(badge) ?? "none")</td><td>\(change.new.map(badge) ?? "withdrawn")</td><td>\(e(change.reason))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func key() -> String {
        """
        <section aria-labelledby="key">
        <h2 id="key">Key</h2>
        <p>\(badge(.blue)) fully met, evidenced, with a best-practice example · \(badge(.green)) met, most answers evidenced ·
        \(badge(.amber)) partly met: needs an action · \(badge(.red)) not met: needs an action. A band whose evidence or example
        is missing is capped one band lower.</p>
        </section>

        """
    }

    // MARK: Pieces

    private func cell(_ rating: Rating?) -> String {
        guard let rating, let percent = rating.percent, let rag = rating.rag else { return "<td class=\"none\">-</td>" }
        let note = rating.capped.map { " title=\"\(e($0))\"" } ?? ""
        return "<td class=\"\(rag.rawValue)\"\(note)>\(PercentText.format(percent))% <span class=\"letter\">\(rag.rawValue.prefix(1).uppercased())</span></td>"
    }

    private func rating(_ rating: Rating) -> String {
        guard let percent = rating.percent, let rag = rating.rag else { return "unrated" }
        return "\(PercentText.format(percent))% \(badge(rag))" + (rating.capped.map { " <span class=\"capped\">(\(e($0)))</span>" } ?? "")
    }

    private func badge(_ rag: Rag) -> String { "<span class=\"badge \(rag.rawValue)\">\(rag.label)</span>" }

    /// A horizontal bar for this year's percentage, with last year's as a thin marker.
    private func bar(_ rating: Rating, previous: Double?) -> String {
        let width = 160.0
        let value = rating.percent ?? 0
        var svg = "<svg class=\"bar\" width=\"\(Int(width))\" height=\"16\" viewBox=\"0 0 \(Int(width)) 16\" role=\"img\" aria-label=\"\(PercentText.format(value)) percent"
        svg += previous.map { ", last year \(PercentText.format($0)) percent" } ?? ""
        svg += "\"><rect x=\"0\" y=\"3\" width=\"\(Int(width))\" height=\"10\" class=\"track\"/>"
        svg += "<rect x=\"0\" y=\"3\" width=\"\(format(width * value / 100))\" height=\"10\" class=\"\(rating.rag?.rawValue ?? "none")\"/>"
        if let previous { svg += "<rect x=\"\(format(max(0, width * previous / 100 - 1)))\" y=\"0\" width=\"2\" height=\"16\" class=\"previous\"/>" }
        return svg + "</svg>"
    }

    private func format(_ value: Double) -> String { PercentText.format(value) }

    private func e(_ text: String) -> String { HTMLText.escape(text) }
}
