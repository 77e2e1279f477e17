import CLibXML2
import Foundation
import S11Core
import S11XML
import ZIPFoundation

/// The plan as a Word document (.docx, Office Open XML) for committee papers: landscape A4, the
/// board's summary first (`PlanSummary`), the document control with the version history, then the
/// 2021-22 seed's table (Standard, Objective, Action input, Desired outcome, Lead, Timescale, and
/// Status once any is tracked, shaded in RAG colours and written in words too) with its header
/// row repeated on each page, the appendices and a key. Every part is
/// built with libxml2 and zipped with fixed dates, so the same plan gives the same bytes.
public struct PlanWordDocument: Sendable {
    public init() {}

    public func write(_ plan: Plan) throws -> Data {
        try WordPackage.docx(document: document(plan))
    }

    // MARK: The document

    private func document(_ plan: Plan) -> Data {
        let doc = WordBody(builder: XMLBuilder(root: "document", namespace: WordPackage.w, prefix: "w", qualifiedAttributes: true))
        doc.paragraph("\(plan.organisation): \(plan.title)", style: "Title")
        doc.paragraph(PlanReportText.introduction(plan))

        summary(plan, in: doc)

        let dc = plan.documentControl
        doc.paragraph("Document control", style: "Heading1")
        let fields = PlanReportText.documentControl(dc)
        if !fields.isEmpty {
            doc.table(widths: [3600, 11200], header: nil, rows: fields.map { [.text($0.label, bold: true), .text($0.value)] })
        }
        if !dc.history.isEmpty {
            doc.paragraph("Version history", style: "Heading2")
            doc.table(widths: [1600, 2600, 3400, 7200], header: ["Version", "Date", "By", "Change"],
                      rows: dc.history.map { [.text($0.version), .text($0.spelledDate), .text($0.author ?? ""), .text($0.note)] })
        }

        let findings = PlanReportText.findings(plan)
        if !findings.isEmpty {
            doc.paragraph(PlanReportText.findingsTitle, style: "Heading1")
            doc.table(widths: [4000, 10800], header: ["Objective", "Finding"],
                      rows: findings.map { [.text($0.objective), .lines($0.lines)] })
        }

        // The seeds' one table: the standard and the objective each span their rows, as the council's own document does.
        doc.paragraph("Action plan", style: "Heading1")
        let status = PlanReportText.tracksStatus(plan)
        var rows: [[WordBody.Cell]] = []
        for standard in plan.standards {
            for (o, objective) in standard.objectives.enumerated() {
                for (a, action) in objective.actions.enumerated() {
                    let first = o == 0 && a == 0
                    var row: [WordBody.Cell] = [first ? .mergedStart([standard.heading ?? ""]) : .mergedContinue,
                                                a == 0 ? .mergedStart(PlanReportText.objective(objective)) : .mergedContinue,
                                                .lines(["\(action.id) \(action.input)"] + PlanReportText.notes(action)),
                                                .lines(PlanReportText.outcome(action)), .lines(PlanReportText.leads(action)),
                                                .text(action.timescaleText)]
                    if status { row.append(.shaded(PlanReportText.status(action.status), fill: action.status.map(Self.fill))) }
                    rows.append(row)
                }
            }
        }
        doc.table(widths: status ? [1400, 2400, 3300, 2900, 2500, 1300, 1000] : [1500, 2600, 3600, 3000, 2800, 1300],
                  header: PlanReportText.columns(plan), rows: rows)

        if !plan.completed.isEmpty {
            doc.paragraph(PlanReportText.appendixTitle, style: "Heading1")
            doc.table(widths: [2200, 2400, 4000, 3800, 1600, 800],
                      header: ["Standard", "Objective", "Action", "Desired outcome", "Lead", "Status"],
                      rows: plan.completed.map { done in
                [.text(done.standardHeading), .text(done.objective ?? ""),
                 .lines([done.action.input] + (done.action.progress.map { [$0] } ?? [])), .lines(PlanReportText.outcome(done.action)),
                 .lines(PlanReportText.leads(done.action)), .shaded(done.action.status?.rawValue ?? "B", fill: WordPackage.fill(Rag.blue))]
            })
        }

        if !plan.underReview.isEmpty {
            doc.paragraph(PlanReportText.underReviewTitle, style: "Heading1")
            doc.paragraph(PlanReportText.underReviewIntro)
            doc.table(widths: [3000, 1400, 4000, 6400], header: ["Standard", "Requirement", "Area", "Finding"],
                      rows: plan.underReview.map { area in
                [.text("\(area.standardID) \(area.standardTitle)"), .text(area.requirementID), .text(area.title), .text(area.finding)]
            })
        }

        doc.paragraph("Key", style: "Heading2")
        doc.paragraph(ActionStatus.allCases.map { "\($0.rawValue): \($0.meaning)" }.joined(separator: ". ") + ".")
        doc.landscapeSection()
        return doc.builder.data(indented: false)
    }

    /// The board's first page (`PlanSummary`): period, owner and version, the results by standard
    /// worst first, the priorities with why, the key influences and the plan's own opening words.
    private func summary(_ plan: Plan, in doc: WordBody) {
        let summary = PlanSummary(plan)
        doc.paragraph(PlanSummary.title, style: "Heading1")
        doc.table(widths: [3600, 11200], header: nil, rows: [
            [.text("Period", bold: true), .text(summary.period)], [.text("Owner", bold: true), .text(summary.owner ?? "Not named")],
            [.text("Version", bold: true), .text(summary.version)],
        ])
        if let line = summary.resultsLine {
            doc.paragraph(PlanSummary.resultsTitle, style: "Heading2")
            doc.paragraph(line)
            doc.table(widths: [8400, 2600, 2200, 1600], header: ["Standard", "Self rating", "Moderated", "Gaps"],
                      rows: summary.standards.map { standard in
                [.text("\(standard.standardID) \(standard.title)"),
                 .shaded(standard.rating.text, fill: standard.rating.rag.map(WordPackage.fill)),
                 .shaded(standard.moderatedText, fill: standard.moderated.map(WordPackage.fill)), .text(String(standard.gaps))]
            })
        }
        if !summary.priorities.isEmpty {
            doc.paragraph(PlanSummary.prioritiesTitle, style: "Heading2")
            for (number, priority) in summary.priorities.enumerated() {
                doc.paragraph("\(number + 1). \(priority.objectiveID) \(priority.title): \(priority.why)")
            }
        }
        if !summary.keyInfluences.isEmpty {
            doc.paragraph(PlanReportText.keyInfluencesTitle, style: "Heading2")
            for influence in summary.keyInfluences { doc.paragraph("\u{2022} \(influence)") }
        }
        for paragraph in plan.introduction { doc.paragraph(paragraph) }
    }

    static func fill(_ status: ActionStatus) -> String {
        switch status {
        case .blue: return WordPackage.fill(Rag.blue)
        case .green: return WordPackage.fill(Rag.green)
        case .amber: return WordPackage.fill(Rag.amber)
        case .red: return WordPackage.fill(Rag.red)
        }
    }
}
