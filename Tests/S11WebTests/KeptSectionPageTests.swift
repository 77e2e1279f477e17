import Foundation
import S11TestSupport
import Hummingbird
import S11App
import S11Core
import S11Store
import S11XML
import Testing
@testable import S11Web

/// An officer's section page is rendered once per audit, role and section and filled in with each
/// officer's own answers: two officers of one role each see their own link and answers, and only
/// their own, on the kept page.
@Suite struct KeptSectionPageTests {
    @Test func officersOfOneRoleEachSeeOnlyTheirOwnAnswers() async throws {
        let fixture = try await WebFixture()
        try await fixture.store.officers.import([Officer(name: "Cara Jones", email: "cara.jones@riverside.example", role: "champion",
                                                        serviceArea: "Housing")], auditID: fixture.audit.id)
        let cara = try #require(try await fixture.store.officers.issueInvitations(auditID: fixture.audit.id, reissue: false)
            .first { $0.officer.email == "cara.jones@riverside.example" }?.token)
        let owen = fixture.owen
        let section = fixture.content.selfAssessment.sections(forRole: "champion").filter { !$0.questions.isEmpty }[0]
        let (first, second) = (section.questions[0].id, section.questions[1].id)
        // Owen's second answer came over from last year.
        try await fixture.store.returns.saveAnswers([Answer(questionID: second, choice: .option("fully"), evidence: "Last year's 'policy'", carried: true)],
                                            officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        try await fixture.run { browser in
            let page = try await browser.get("/r/\(owen)/s/1")
            let saved = try await browser.post("/r/\(owen)/s/1", [
                ("option.\(first)", "partially"), ("evidence.\(first)", "Owen's \"minutes\" & <notes>"),
                ("improvement.\(first)", "Train <all> staff"), ("improvement-lead.\(first)", "O'Neil"), ("improvement-by.\(first)", "March"),
                ("option.\(second)", "fully"), ("evidence.\(second)", "Last year's 'policy'"), ("action", "save")], csrf: page.csrf)
            #expect(saved.status == .ok)

            let owens = try await browser.get("/r/\(owen)/s/1")
            #expect(owens.body.contains("Owen&#39;s &quot;minutes&quot; &amp; &lt;notes&gt;"))
            #expect(owens.body.contains("Train &lt;all&gt; staff") && owens.body.contains("value=\"O&#39;Neil\"") && owens.body.contains("value=\"March\""))
            #expect(owens.body.contains("name=\"option.\(first)\" value=\"partially\" checked>"))
            #expect(owens.body.contains("name=\"option.\(second)\" value=\"fully\" checked>"))
            #expect(owens.body.components(separatedBy: " checked>").count == 3)
            #expect(owens.body.contains("action=\"/r/\(owen)/s/1\""))
            #expect(!owens.body.contains("s11slot"))
            // Carried over and not yet confirmed: only the answer saved as carried is tagged, and
            // saving it again in this form confirmed it.
            #expect(!owens.body.contains("Last year's answer: confirm or change it"))

            let other = Browser(client: browser.client)
            let caras = try await other.get("/r/\(cara)/s/1")
            #expect(caras.status == .ok)
            #expect(!caras.body.contains("minutes") && !caras.body.contains("Train &lt;all&gt;") && !caras.body.contains("O&#39;Neil"))
            #expect(!caras.body.contains(" checked>"))
            #expect(!caras.body.contains(owen) && caras.body.contains("action=\"/r/\(cara)/s/1\""))
            #expect(caras.csrf != nil && caras.csrf != owens.csrf)
        }
    }

    @Test func aCarriedAnswerIsTaggedUntilConfirmed() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let loaded = ContentLoader(root: WebFixture.packageRoot).load()
        let files = loaded.files.map { (kind: $0.kind.rawValue, path: $0.path, data: $0.data) }
        let content = try loaded.library.auditContent()
        let owen = Officer(name: "Owen Price", email: "owen.price@riverside.example", role: "champion", serviceArea: "Leisure and Culture")
        let section = content.selfAssessment.sections(forRole: "champion").filter { !$0.questions.isEmpty }[0]
        let carried = section.questions[1].id
        let lastYear = try await store.audits.open(organisation: "Riverside District Council", year: 2025, files: files)
        try await store.officers.import([owen], auditID: lastYear.id)
        try await store.returns.saveAnswers([Answer(questionID: carried, choice: .option("fully"), evidence: "Policy")], officerEmail: owen.email,
                                    auditID: lastYear.id)
        let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026, files: files, carryFrom: lastYear,
                                              questionIDs: Set(content.selfAssessment.questions.map(\.id)))
        let token = try #require(try await store.officers.issueInvitations(auditID: audit.id, reissue: false).first?.token)
        let browser = Browser(client: RouterClient(app: try await WebApp(app: S11App(store: store))))
        let page = try await browser.get("/r/\(token)/s/1")
        #expect(page.body.components(separatedBy: "Last year's answer: confirm or change it").count == 2)
        let tagged = try #require(page.body.range(of: "Last year's answer")).lowerBound
        let question = try #require(page.body.range(of: "name=\"option.\(carried)\"")).lowerBound
        #expect(tagged < question && page.body[tagged..<question].components(separatedBy: "<legend>").count == 1)
        #expect(page.body.contains("name=\"option.\(carried)\" value=\"fully\" checked>"))
        // Confirmed by saving: the tag goes, on the same kept page.
        let saved = try await browser.post("/r/\(token)/s/1", [("option.\(carried)", "fully"), ("evidence.\(carried)", "Policy"),
                                                               ("action", "save")], csrf: page.csrf)
        #expect(saved.status == .ok)
        #expect(!(try await browser.get("/r/\(token)/s/1")).body.contains("Last year's answer: confirm or change it"))
    }
}
