import S11Core

/// The plan as one self-contained, printable HTML page for committee papers: the board's summary
/// first (`PlanSummary`), document control with the version history, then the seeds' table
/// (standard, objective, action input, desired outcome, lead, timescale, and status once any is
/// tracked), the appendices and a key. Status is written in words as well as colour; every text is escaped.
public struct PlanHTMLReport: Sendable {
    public init() {}

    /// The plan's page; `banner` is escaped HTML shown above it on screen (the signed-in bar), never printed.
    public func write(_ plan: Plan, banner: String = "") -> String {
        var html = ReportStyle.head(title: "\(plan.organisation): \(plan.title)", banner: banner) + """
            <header>
            <h1>\(e(plan.organisation)): \(e(plan.title))</h1>
            <p class="lead">\(e(PlanReportText.introduction(plan)))</p>
            </header>
            <main>

            """
        html += summary(plan)
        html += documentControl(plan.documentControl)
        html += findings(plan)
        html += table(plan)
        html += appendix(plan)
        html += underReview(plan)
        html += key()
        return html + "</main>\n</body>\n</html>\n"
    }

    private func documentControl(_ dc: DocumentControl) -> String {
        var out = "<section aria-labelledby=\"control\">\n<h2 id=\"control\">Document control</h2>\n"
        let fields = PlanReportText.documentControl(dc)
        if !fields.isEmpty {
            out += "<table>\n<tbody>\n"
            for field in fields { out += "<tr><th scope=\"row\">\(field.label)</th><td>\(lines(field.value))</td></tr>\n" }
            out += "</tbody>\n</table>\n"
        }
        if !dc.history.isEmpty {
            out += """
                <table>
                <caption>Version history</caption>
                <thead><tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">By</th><th scope="col">Change</th></tr></thead>
                <tbody>

                """
            for revision in dc.history {
                out += "<tr><td>\(e(revision.version))</td><td>\(e(revision.spelledDate))</td><td>\(e(revision.author ?? ""))</td><td>\(e(revision.note))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    /// The board's first page (`PlanSummary`): period, owner and version, the results by standard
    /// worst first, the priorities with why, then the key influences and the plan's own opening words.
    private func summary(_ plan: Plan) -> String {
        let summary = PlanSummary(plan)
        var out = """
            <section aria-labelledby="summary">
            <h2 id="summary">\(PlanSummary.title)</h2>
            <table>
            <tbody>
            <tr><th scope="row">Period</th><td>\(e(summary.period))</td></tr>
            <tr><th scope="row">Owner</th><td>\(e(summary.owner ?? "Not named"))</td></tr>
            <tr><th scope="row">Version</th><td>\(e(summary.version))</td></tr>
            </tbody>
            </table>

            """
        if let line = summary.resultsLine {
            out += """
                <h3>\(PlanSummary.resultsTitle)</h3>
                <p>\(e(line))</p>
                <table>
                <thead><tr><th scope="col">Standard</th><th scope="col">Self rating</th><th scope="col">Moderated</th><th scope="col">Gaps</th></tr></thead>
                <tbody>

                """
            for standard in summary.standards {
                out += "<tr><th scope=\"row\">\(e(standard.standardID)) \(e(standard.title))</th>"
                out += "<td class=\"\(standard.rating.rag?.rawValue ?? "none")\">\(e(standard.rating.text))</td>"
                out += "<td\(standard.moderated.map { " class=\"\($0.rawValue)\"" } ?? "")>\(e(standard.moderatedText))</td>"
                out += "<td>\(standard.gaps)</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if !summary.priorities.isEmpty {
            out += "<h3>\(PlanSummary.prioritiesTitle)</h3>\n<ol>\n"
            for priority in summary.priorities {
                out += "<li><a href=\"#\(e(priority.objectiveID))\">\(e(priority.objectiveID)) \(e(priority.title))</a>: \(e(priority.why))</li>\n"
            }
            out += "</ol>\n"
        }
        if !summary.keyInfluences.isEmpty {
            out += "<h3>\(PlanReportText.keyInfluencesTitle)</h3>\n<ul>\n"
            for influence in summary.keyInfluences { out += "<li>\(e(influence))</li>\n" }
            out += "</ul>\n"
        }
        for paragraph in plan.introduction { out += "<p>\(e(paragraph))</p>\n" }
        return out + "</section>\n"
    }

    /// What the audit found on each objective, at the page's width.
    private func findings(_ plan: Plan) -> String {
        let findings = PlanReportText.findings(plan)
        guard !findings.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="findings">
            <h2 id="findings">\(PlanReportText.findingsTitle)</h2>
            <table>
            <thead><tr><th scope="col">Objective</th><th scope="col">Finding</th></tr></thead>
            <tbody>

            """
        for finding in findings {
            out += "<tr><th scope=\"row\">\(e(finding.objective))</th><td>\(paragraphs(finding.lines))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// The seeds' one table: the standard and the objective each head their rows.
    private func table(_ plan: Plan) -> String {
        let status = PlanReportText.tracksStatus(plan)
        var out = "<section aria-labelledby=\"plan\">\n<h2 id=\"plan\">Action plan</h2>\n<table class=\"plan\">\n<thead><tr>"
        out += PlanReportText.columns(plan).map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n"
        for standard in plan.standards {
            out += "<tbody\(standard.standardID.map { " id=\"\(e($0))\"" } ?? "")>\n"
            let rows = standard.objectives.map(\.actions.count).reduce(0, +)
            for (o, objective) in standard.objectives.enumerated() {
                for (a, action) in objective.actions.enumerated() {
                    out += "<tr>"
                    if o == 0 && a == 0 {
                        out += "<th scope=\"rowgroup\" rowspan=\"\(rows)\">\(e(standard.heading ?? ""))</th>"
                    }
                    if a == 0 {
                        let cell = PlanReportText.objective(objective)
                        out += "<th scope=\"rowgroup\" rowspan=\"\(objective.actions.count)\" id=\"\(e(objective.id))\">\(e(cell[0]))"
                        for note in cell.dropFirst() { out += "<p class=\"note\">\(e(note))</p>" }
                        out += "</th>"
                    }
                    out += "<td>\(e(action.id)) \(e(action.input))"
                    for note in PlanReportText.notes(action) { out += "<p class=\"note\">\(e(note))</p>" }
                    out += "</td><td>\(paragraphs(PlanReportText.outcome(action)))</td>"
                    out += "<td>\(paragraphs(PlanReportText.leads(action)))</td><td>\(e(action.timescaleText))</td>"
                    if status { out += "<td class=\"\(statusClass(action.status))\">\(e(PlanReportText.status(action.status)))</td>" }
                    out += "</tr>\n"
                }
            }
            out += "</tbody>\n"
        }
        return out + "</table>\n</section>\n"
    }

    /// Several lines as paragraphs, one alone as text.
    private func paragraphs(_ lines: [String]) -> String {
        lines.count == 1 ? e(lines[0]) : lines.map { "<p>\(e($0))</p>" }.joined()
    }

    /// Text whose line breaks are kept (an author's address, a note).
    private func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { e(String($0)) }.joined(separator: "<br>")
    }

    private func appendix(_ plan: Plan) -> String {
        guard !plan.completed.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="completed">
            <h2 id="completed">\(PlanReportText.appendixTitle)</h2>
            <table>
            <thead><tr><th scope="col">Standard</th><th scope="col">Objective</th><th scope="col">Action</th><th scope="col">Desired outcome</th><th scope="col">Lead</th><th scope="col">Status</th></tr></thead>
            <tbody>

            """
        for done in plan.completed {
            out += "<tr><td>\(e(done.standardHeading))</td><td>\(e(done.objective ?? ""))</td>"
            out += "<td>\(e(done.action.input))"
            if let progress = done.action.progress { out += "<p class=\"note\">\(e(progress))</p>" }
            out += "</td><td>\(paragraphs(PlanReportText.outcome(done.action)))</td>"
            out += "<td>\(paragraphs(PlanReportText.leads(done.action)))</td><td class=\"blue\">\(e(PlanReportText.status(done.action.status)))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func underReview(_ plan: Plan) -> String {
        guard !plan.underReview.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="under-review">
            <h2 id="under-review">\(PlanReportText.underReviewTitle)</h2>
            <p>\(e(PlanReportText.underReviewIntro))</p>
            <table>
            <thead><tr><th scope="col">Standard</th><th scope="col">Requirement</th><th scope="col">Area</th><th scope="col">Finding</th></tr></thead>
            <tbody>

            """
        for area in plan.underReview {
            out += "<tr><td>\(e(area.standardID)) \(e(area.standardTitle))</td><td>\(e(area.requirementID))</td>"
            out += "<td>\(e(area.title))</td><td>\(e(area.finding))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func key() -> String {
        var out = "<section aria-labelledby=\"key\">\n<h2 id=\"key\">Key</h2>\n<ul>\n"
        for status in ActionStatus.allCases {
            out += "<li><span class=\"badge \(statusClass(status))\">\(status.rawValue)</span> \(e(status.meaning))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private func statusClass(_ status: ActionStatus?) -> String {
        switch status {
        case .blue: return "blue"
        case .green: return "green"
        case .amber: return "amber"
        case .red: return "red"
        case nil: return "none"
        }
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }
}
