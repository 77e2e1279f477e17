import Foundation
import Testing
@testable import S11XML
import S11Core

/// The round's XML is written without a tree and checked as it is read back, also without one:
/// a valid file passes, and a file that breaks round.xsd is refused at its line.
@Suite struct RoundXMLTests {
    func written() throws -> String {
        let file = RoundXML(board: "Board & <Partners>", year: 2027, deadline: CalendarDate(iso: "2027-03-31")!, asOf: CalendarDate(iso: "2027-04-01")!)
        file.add(RoundXML.Organisation(name: "Thames \"Valley\" Police", sector: "Police", lead: "Sam Reed", stage: .submitted, officers: 2, returns: 1,
                                       submitted: (at: "2027-03-01T10:00:00Z", by: "Sam Reed", scores: [
                                           BoardScore(kind: .overall, scopeID: "", percent: 62.5, rag: .amber, moderated: nil, isGap: false),
                                           BoardScore(kind: .standard, scopeID: "S1", percent: 62.5, rag: .amber, moderated: .green, moderatedPercent: 80, isGap: false),
                                           BoardScore(kind: .requirement, scopeID: "S1.1", percent: 62.5, rag: .amber, moderated: nil, isGap: true),
                                           BoardScore(kind: .staffSurvey, scopeID: "", percent: nil, rag: nil, moderated: nil, isGap: false, answered: 9),
                                           BoardScore(kind: .staffStatement, scopeID: "SC01", percent: 66.7, rag: nil, moderated: nil, isGap: false, answered: 9, agreeing: 6),
                                       ]), plan: nil))
        file.add(RoundXML.Organisation(name: "Cherwell", sector: "Local authority", lead: "Raj", stage: .overdue, officers: 0, returns: 0, submitted: nil, plan: nil))
        return String(decoding: try file.finish(), as: UTF8.self)
    }

    @Test func aRoundIsWrittenEscapedAndValid() throws {
        let xml = try written()
        #expect(xml.contains("<round xmlns=\"urn:s11:round:1\" schemaVersion=\"1\" board=\"Board &amp; &lt;Partners&gt;\""))
        #expect(xml.contains("name=\"Thames &quot;Valley&quot; Police\""))
        #expect(xml.contains("<standard ref=\"S1\" percent=\"62.5\" rag=\"amber\" moderatedPercent=\"80.0\" moderatedRag=\"green\">"))
        #expect(xml.contains("<statement ref=\"SC01\" answered=\"9\" agreeing=\"6\" gap=\"false\"/>"))
        _ = try XMLDocument(data: Data(xml.utf8), file: "round.xml")                      // well-formed, or this throws
    }

    @Test func aFileThatBreaksTheSchemaIsRefusedAtItsLine() throws {
        let xml = try written().replacingOccurrences(of: "stage=\"overdue\"", with: "stage=\"lost\"")
        let line = try #require(xml.components(separatedBy: "\n").firstIndex { $0.contains("stage=\"lost\"") }) + 1
        #expect { try SchemaValidator.shared(.round).validateStreaming(Data(xml.utf8), file: "round.xml") } throws: { error in
            guard let problems = (error as? DiagnosticsError)?.diagnostics else { return false }
            return problems.contains { $0.location.line == line && $0.message.contains("lost") }
        }
    }
}
