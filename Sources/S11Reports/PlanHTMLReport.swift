import S11Core

/// The plan as one self-contained, printable HTML page for committee papers: document control,
/// version history, the audit's results, then per standard the seeds' table (objective, action
/// input, desired outcome, measure, lead, timescale, status), the appendix of completed actions
/// and a key. Status is written in words as well as colour; every text is escaped.
public struct PlanHTMLReport: Sendable {
    public init() {}

    public func write(_ plan: Plan) -> String {
        let dc = plan.documentControl
        var html = ReportStyle.head(title: "\(plan.organisation): \(plan.title)") + """
            <header>
            <h1>\(e(plan.organisation)): \(e(plan.title))</h1>
            <p class="lead">Drafted from the \(plan.auditYear) safeguarding self-assessment audit. Period \(plan.periodStart.spelledOut) to \(plan.periodEnd.spelledOut).</p>
            </header>
            <main>
            <section aria-labelledby="control">
            <h2 id="control">Document control</h2>
            <table>
            <tbody>
            <tr><th scope="row">Owner</th><td>\(e(dc.owner))</td><th scope="row">Author</th><td>\(e(dc.author))</td></tr>
            <tr><th scope="row">Version</th><td>\(e(dc.version))</td><th scope="row">Last reviewed</th><td>\(dc.lastReviewed.spelledOut)</td></tr>
            <tr><th scope="row">Next review due</th><td colspan="3">\(dc.nextReviewDue.spelledOut)</td></tr>
            </tbody>
            </table>
            <table>
            <caption>Version history</caption>
            <thead><tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">By</th><th scope="col">Change</th></tr></thead>
            <tbody>

            """
        for revision in dc.history {
            html += "<tr><td>\(e(revision.version))</td><td>\(revision.date.spelledOut)</td><td>\(e(revision.author))</td><td>\(e(revision.note))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        html += results(plan)
        for standard in plan.standards { html += table(standard) }
        html += appendix(plan)
        html += underReview(plan)
        html += key()
        return html + "</main>\n</body>\n</html>\n"
    }

    private func results(_ plan: Plan) -> String {
        guard let results = plan.results else { return "" }
        var out = """
            <section aria-labelledby="results">
            <h2 id="results">Audit results</h2>
            <p>\(results.returns) returns against \(e(results.catalogueID)) \(e(results.catalogueVersion)); overall \(e(results.overall.text)).</p>
            <table>
            <thead><tr><th scope="col">Standard</th><th scope="col">Self rating</th><th scope="col">Moderated</th><th scope="col">Gaps</th></tr></thead>
            <tbody>

            """
        for standard in results.standards {
            out += "<tr><th scope=\"row\">\(e(standard.standardID)) \(e(standard.title))</th>"
            out += "<td class=\"\(standard.rating.rag?.rawValue ?? "none")\">\(e(standard.rating.text))</td>"
            out += "<td\(standard.moderated.map { " class=\"\($0.rawValue)\"" } ?? "")>\(standard.moderated?.label ?? "-")</td>"
            out += "<td>\(standard.gaps)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func table(_ standard: PlanStandard) -> String {
        var out = "<section aria-labelledby=\"\(e(standard.standardID))\">\n"
        out += "<h2 id=\"\(e(standard.standardID))\">\(e(standard.standardID)) \(e(standard.title))</h2>\n<table class=\"plan\">\n<thead><tr>"
        out += PlanReportText.columns.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for objective in standard.objectives {
            for (index, action) in objective.actions.enumerated() {
                out += "<tr>"
                if index == 0 {
                    out += "<th scope=\"rowgroup\" rowspan=\"\(objective.actions.count)\">\(e(objective.id)) \(e(objective.title))"
                    if let finding = objective.finding { out += "<p class=\"note\">\(e(finding))</p>" }
                    out += "</th>"
                }
                out += "<td>\(e(action.id)) \(e(action.input))"
                for note in PlanReportText.notes(action) { out += "<p class=\"note\">\(e(note))</p>" }
                out += "</td><td>\(e(action.outcome))</td><td>\(e(action.measure))</td>"
                out += "<td>\(e(PlanReportText.lead(action.lead)))</td><td>\(e(PlanReportText.timescale(action)))</td>"
                out += "<td class=\"\(statusClass(action.status))\">\(e(PlanReportText.status(action.status)))</td></tr>\n"
            }
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func appendix(_ plan: Plan) -> String {
        guard !plan.completed.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="completed">
            <h2 id="completed">\(PlanReportText.appendixTitle)</h2>
            <table>
            <thead><tr><th scope="col">Standard</th><th scope="col">Objective</th><th scope="col">Action</th><th scope="col">Measure</th><th scope="col">Outcome</th><th scope="col">Lead</th><th scope="col">Status</th></tr></thead>
            <tbody>

            """
        for done in plan.completed {
            out += "<tr><td>\(e(done.standardID)) \(e(done.standardTitle))</td><td>\(e(done.objective))</td>"
            out += "<td>\(e(done.action.input))"
            if let progress = done.action.progress { out += "<p class=\"note\">\(e(progress))</p>" }
            out += "</td><td>\(e(done.action.measure))</td><td>\(e(done.action.outcome))</td>"
            out += "<td>\(e(PlanReportText.lead(done.action.lead)))</td><td class=\"blue\">\(e(PlanReportText.status(done.action.status)))</td></tr>\n"
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
