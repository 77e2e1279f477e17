import Foundation
import S11Core
import S11Reports
import S11XML
import Testing
import ZIPFoundation

/// The board's summary opens every format of the plan: the period, owner and version, the results
/// by standard worst first (a Red before an Amber, whatever the catalogue's order), the priorities
/// with why, the key influences and the plan's own opening words; then the rest.
@Suite struct PlanSummaryTests {
    let plan = ReportFixtures.plan

    @Test func theStandardsAreWorstFirst() {
        // S3 is Red at 40%, S1 moderated Red at 66.7%, S2 Green: S3, S1, S2.
        #expect(PlanSummary(plan).standards.map(\.standardID) == ["S3", "S1", "S2"])
        #expect(PlanSummary(plan).priorities.map(\.title) == ["Named lead"])
    }

    @Test func theHTMLOpensWithTheSummary() throws {
        let html = PlanHTMLReport().write(plan)
        let order = ["id=\"summary\"", "<th scope=\"row\">Period</th><td>1 January 2027 to 31 December 2027</td>",
                     "<th scope=\"row\">S3 Safer recruitment</th>", "<th scope=\"row\">S1 Leadership</th>", "<th scope=\"row\">S2 Training</th>",
                     "<li><a href=\"#O1\">O1 Named lead</a>: Moderated to Red by the board: no named lead in Housing.</li>",
                     "<li>Corporate Plan</li>", "<p>The annual audit is a joint audit between the OSCB and OSAB.</p>",
                     "id=\"control\"", "id=\"findings\"", "id=\"plan\""]
        let places = try order.map { try #require(html.range(of: $0), "\($0)").lowerBound }
        #expect(places == places.sorted())
        #expect(html.contains("id=\"O1\""))                                      // the priority's link lands on its objective
        #expect(!html.contains("test-cat"))                                      // no catalogue id in what a committee reads
    }

    @Test func theWordDocumentOpensWithTheSummary() throws {
        let archive = try Archive(data: try PlanWordDocument().write(plan), accessMode: .read)
        var bytes = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { bytes.append($0) }
        let text = String(decoding: bytes, as: UTF8.self)
        let order = ["Summary for the board", "S3 Safer recruitment", "S1 Leadership", "S2 Training",
                     "1. O1 Named lead: Moderated to Red by the board", "Corporate Plan",
                     "The annual audit is a joint audit between the OSCB and OSAB.", "Document control", "What the audit found", "Action plan"]
        let places = try order.map { try #require(text.range(of: $0), "\($0)").lowerBound }
        #expect(places == places.sorted())
    }

    @Test func theBoardXMLKeepsThePrioritiesAndIntroduction() throws {
        let xml = try PlanXML().write(plan)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("<priority objective=\"O1\">Moderated to Red by the board: no named lead in Housing.</priority>"))
        let back = try PlanXML().read(data: xml, file: "plan.xml")
        #expect(back.priorities == plan.priorities && back.introduction == plan.introduction)
        // A priority must name an objective of the plan: the schema refuses one that does not.
        var dangling = plan
        dangling.priorities = [PlanPriority(objectiveID: "O9", why: "Nowhere")]
        #expect(throws: DiagnosticsError.self) { try PlanXML().write(dangling) }
    }
}
