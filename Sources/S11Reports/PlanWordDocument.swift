import CLibXML2
import Foundation
import S11Core
import S11XML
import ZIPFoundation

/// The plan as a Word document (.docx, Office Open XML) for committee papers: landscape A4, the
/// document control with the key influences and version history, the audit results, then the
/// 2021-22 seed's table (Standard, Objective, Action input, Desired outcome, Lead, Timescale, and
/// Status once any is tracked, shaded in RAG colours and written in words too) with its header
/// row repeated on each page, the appendices and a key. Every part is
/// built with libxml2 and zipped with fixed dates, so the same plan gives the same bytes.
public struct PlanWordDocument: Sendable {
    public init() {}

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    public func write(_ plan: Plan) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", packageRelationships()),
            ("word/document.xml", document(plan)),
            ("word/styles.xml", styles()),
            ("word/_rels/document.xml.rels", documentRelationships()),
        ]
        let fixed = Date(timeIntervalSince1970: 1_767_225_600)          // 2026-01-01, so the bytes never change
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixed,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    // MARK: Package parts

    private func contentTypes() -> Data {
        let builder = XMLBuilder(root: "Types", namespace: "http://schemas.openxmlformats.org/package/2006/content-types")
        builder.element("Default", in: builder.root, attributes: [
            ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        builder.element("Default", in: builder.root, attributes: [("Extension", "xml"), ("ContentType", "application/xml")])
        builder.element("Override", in: builder.root, attributes: [
            ("PartName", "/word/document.xml"),
            ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")])
        builder.element("Override", in: builder.root, attributes: [
            ("PartName", "/word/styles.xml"),
            ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")])
        return builder.data(indented: false)
    }

    private func packageRelationships() -> Data {
        relationships([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml")])
    }

    private func documentRelationships() -> Data {
        relationships([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")])
    }

    private func relationships(_ items: [(id: String, type: String, target: String)]) -> Data {
        let builder = XMLBuilder(root: "Relationships", namespace: "http://schemas.openxmlformats.org/package/2006/relationships")
        for item in items {
            builder.element("Relationship", in: builder.root, attributes: [("Id", item.id), ("Type", item.type), ("Target", item.target)])
        }
        return builder.data(indented: false)
    }

    private func styles() -> Data {
        let builder = XMLBuilder(root: "styles", namespace: Self.w, prefix: "w", qualifiedAttributes: true)
        let defaults = builder.element("rPrDefault", in: builder.element("docDefaults", in: builder.root))
        let run = builder.element("rPr", in: defaults)
        builder.element("rFonts", in: run, attributes: [("ascii", "Arial"), ("hAnsi", "Arial"), ("cs", "Arial")])
        builder.element("sz", in: run, attributes: [("val", "18")])
        for (id, name, size) in [("Normal", "Normal", nil), ("Title", "Title", "36"), ("Heading1", "heading 1", "28"),
                                 ("Heading2", "heading 2", "22")] as [(String, String, String?)] {
            let style = builder.element("style", in: builder.root, attributes: [("type", "paragraph"), ("styleId", id)])
            builder.element("name", in: style, attributes: [("val", name)])
            if id != "Normal" { builder.element("basedOn", in: style, attributes: [("val", "Normal")]) }
            let paragraph = builder.element("pPr", in: style)
            builder.element("spacing", in: paragraph, attributes: [("before", id == "Normal" ? "0" : "240"), ("after", "80")])
            if let size {
                if id != "Title" { builder.element("outlineLvl", in: paragraph, attributes: [("val", id == "Heading1" ? "0" : "1")]) }
                let runStyle = builder.element("rPr", in: style)
                builder.element("b", in: runStyle)
                builder.element("sz", in: runStyle, attributes: [("val", size)])
            }
        }
        return builder.data(indented: false)
    }

    // MARK: The document

    private func document(_ plan: Plan) -> Data {
        let doc = WordBody(builder: XMLBuilder(root: "document", namespace: Self.w, prefix: "w", qualifiedAttributes: true))
        doc.paragraph("\(plan.organisation): \(plan.title)", style: "Title")
        doc.paragraph(PlanReportText.introduction(plan))

        let dc = plan.documentControl
        doc.paragraph("Document control", style: "Heading1")
        let fields = PlanReportText.documentControl(dc)
        if !fields.isEmpty {
            doc.table(widths: [3600, 11200], header: nil, rows: fields.map { [.text($0.label, bold: true), .text($0.value)] })
        }
        if !dc.keyInfluences.isEmpty {
            doc.paragraph(PlanReportText.keyInfluencesTitle, style: "Heading2")
            for influence in dc.keyInfluences { doc.paragraph("\u{2022} \(influence)") }
        }
        if !dc.history.isEmpty {
            doc.paragraph("Version history", style: "Heading2")
            doc.table(widths: [1600, 2600, 3400, 7200], header: ["Version", "Date", "By", "Change"],
                      rows: dc.history.map { [.text($0.version), .text($0.spelledDate), .text($0.author ?? ""), .text($0.note)] })
        }

        if let results = plan.results {
            doc.paragraph("Audit results", style: "Heading1")
            doc.paragraph("\(results.returns) returns against \(results.catalogueID) \(results.catalogueVersion); overall \(results.overall.text).")
            doc.table(widths: [8400, 2600, 2200, 1600], header: ["Standard", "Self rating", "Moderated", "Gaps"],
                      rows: results.standards.map { standard in
                [.text("\(standard.standardID) \(standard.title)"),
                 .shaded(standard.rating.text, fill: standard.rating.rag.map(Self.fill)),
                 .shaded(standard.moderated?.label ?? "-", fill: standard.moderated.map(Self.fill)), .text(String(standard.gaps))]
            })
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
        doc.table(widths: status ? [1700, 2700, 3400, 3000, 1700, 1300, 1000] : [1800, 2900, 3800, 3300, 1700, 1300],
                  header: PlanReportText.columns(plan), rows: rows)

        if !plan.completed.isEmpty {
            doc.paragraph(PlanReportText.appendixTitle, style: "Heading1")
            doc.table(widths: [2200, 2400, 4000, 3800, 1600, 800],
                      header: ["Standard", "Objective", "Action", "Desired outcome", "Lead", "Status"],
                      rows: plan.completed.map { done in
                [.text(done.standardHeading), .text(done.objective),
                 .lines([done.action.input] + (done.action.progress.map { [$0] } ?? [])), .lines(PlanReportText.outcome(done.action)),
                 .lines(PlanReportText.leads(done.action)), .shaded(done.action.status?.rawValue ?? "B", fill: Self.fill(Rag.blue))]
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
        for status in ActionStatus.allCases { doc.paragraph("\(status.rawValue): \(status.meaning)") }
        doc.landscapeSection()
        return doc.builder.data(indented: false)
    }

    static func fill(_ rag: Rag) -> String {
        switch rag {
        case .blue: return "0070C0"
        case .green: return "00B050"
        case .amber: return "FFC000"
        case .red: return "FF0000"
        }
    }

    static func fill(_ status: ActionStatus) -> String {
        switch status {
        case .blue: return fill(Rag.blue)
        case .green: return fill(Rag.green)
        case .amber: return fill(Rag.amber)
        case .red: return fill(Rag.red)
        }
    }
}
