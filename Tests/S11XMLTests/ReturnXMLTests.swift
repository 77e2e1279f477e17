import Foundation
import Testing
@testable import S11XML
import S11Core

@Suite struct ReturnXMLTests {
    func content() throws -> AuditContent {
        try ContentLoader(root: packageRoot).load().library.auditContent()
    }

    @Test func theTemplateReadsBackWithEveryQuestionOfTheRole() throws {
        let content = try content()
        let officer = Officer(name: "Jo Bloggs", email: "Jo.Bloggs@example.org", role: "dso", serviceArea: "Housing")
        let data = ReturnXML().template(content: content, organisation: "Riverside District Council", year: 2026, officer: officer)
        let ret = try ReturnXML().read(data: data, file: "template.xml")
        #expect(ret.officerEmail == "jo.bloggs@example.org")
        #expect(ret.answers.map(\.questionID) == content.questions(forRole: "dso").map(\.id))
        #expect(ret.answers.allSatisfy { $0.choice == .unanswered })
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(content.catalogue.requirement(content.questions(forRole: "dso")[0].requirementID)!.statement))
    }

    @Test func theTemplateKeepsAnswersAlreadyGiven() throws {
        let content = try content()
        let officer = Officer(name: "Jo", email: "jo@example.org", role: "dso", serviceArea: "Housing")
        let question = content.questions(forRole: "dso")[0]
        let given = Answer(questionID: question.id, choice: .option("mostly"), evidence: "Minutes of <meeting> & notes")
        let data = ReturnXML().template(content: content, organisation: "R", year: 2026, officer: officer, existing: [given])
        let ret = try ReturnXML().read(data: data, file: "t.xml")
        #expect(ret.answers.first == Answer(questionID: question.id, choice: .option("mostly"), evidence: "Minutes of <meeting> & notes",
                                            location: ret.answers.first?.location))
    }

    /// What the officer will do to improve, who leads it and by when, is read and written back.
    @Test func anImprovementWithItsLeadAndTimescaleReadsBack() throws {
        let content = try content()
        let officer = Officer(name: "Jo", email: "jo@example.org", role: "dso", serviceArea: "Housing")
        let question = content.questions(forRole: "dso")[0]
        let given = Answer(questionID: question.id, choice: .option("partially"), evidence: "Minutes",
                           improvement: Improvement(action: "Hotel Watch scheme to continue & <grow>", lead: "Priya Raman", by: "Quarterly meetings",
                                                    measure: "Every hotel signed up"))
        let data = ReturnXML().template(content: content, organisation: "R", year: 2026, officer: officer, existing: [given])
        #expect(String(decoding: data, as: UTF8.self).contains(
            "<improvement lead=\"Priya Raman\" by=\"Quarterly meetings\" measure=\"Every hotel signed up\">Hotel Watch scheme to continue &amp; &lt;grow&gt;</improvement>"))
        let ret = try ReturnXML().read(data: data, file: "t.xml")
        #expect(ret.answers.first?.improvement == given.improvement)
    }

    @Test func aMalformedOptionIsRefusedByTheSchemaWithItsLine() throws {
        let xml = """
        <return xmlns="urn:s11:return:1" organisation="R" year="2026" officer="a@b.org">
          <answer question="Q1.1" option="fully"/>
          <answer question="Q1.2" option="not met!"/>
        </return>
        """
        do {
            _ = try ReturnXML().read(data: Data(xml.utf8), file: "r.xml")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.first?.location.line == 3)
        }
    }

    /// An answer's documents are read with their places, and the template names those attached.
    @Test func documentsNamedInAReturnAreReadAndTheTemplateNamesThoseAttached() throws {
        let content = try content()
        let officer = Officer(name: "Jo", email: "jo@example.org", role: "dso", serviceArea: "Housing")
        let question = content.questions(forRole: "dso")[0]
        let xml = """
            <return xmlns="urn:s11:return:1" organisation="R" year="2026" officer="jo@example.org">
              <answer question="\(question.id)" option="mostly"><evidence>Minutes</evidence>
                <documents><document file="evidence/policy.pdf"/><document file="minutes.docx"/></documents>
              </answer>
            </return>
            """
        let ret = try ReturnXML().read(data: Data(xml.utf8), file: "jo.xml")
        #expect(ret.documents.map(\.path) == ["evidence/policy.pdf", "minutes.docx"])
        #expect(ret.documents.allSatisfy { $0.questionID == question.id } && ret.documents.first?.location?.line == 3)
        let attached = EvidenceDocument(id: 1, officerEmail: officer.email, questionID: question.id, name: "policy.pdf", type: .pdf, size: 10,
                                        sha256: "", uploadedAt: Date(), uploadedBy: "jo")
        let template = String(decoding: ReturnXML().template(content: content, organisation: "R", year: 2026, officer: officer, attached: [attached]), as: UTF8.self)
        #expect(template.contains("Attached already: policy.pdf"))
        let empty = xml.replacingOccurrences(of: "<document file=\"minutes.docx\"/>", with: "<document file=\"\"/>")
        #expect(throws: DiagnosticsError.self) { try ReturnXML().read(data: Data(empty.utf8), file: "jo.xml") }
    }
}
