import Foundation
import S11TestSupport
import Hummingbird
import S11App
import S11Core
import S11Store
import S11XML
import Testing
@testable import S11Web

/// Attempts that must come to nothing.
@Suite struct WebAttackTests {
    @Test func sqlInEvidenceIsStoredAsTextAndTheTablesStand() async throws {
        let fixture = try await WebFixture()
        let question = fixture.content.selfAssessment.sections(forRole: "champion").first { !$0.questions.isEmpty }!.questions[0]
        let injection = "x'); DROP TABLE answer; --"
        try await fixture.run { browser in
            let page = try await browser.get("/r/\(fixture.owen)/s/1")
            _ = try await browser.post("/r/\(fixture.owen)/s/1", [("option.\(question.id)", "fully"), ("evidence.\(question.id)", injection),
                                                                 ("action", "save")], csrf: page.csrf)
        }
        let stored = try await fixture.store.returns.find(officerEmail: "owen.price@riverside.example", auditID: fixture.audit.id)
        #expect(stored.answers.first { $0.questionID == question.id }?.evidence == injection)
        #expect(try await fixture.store.returns.stored(audit: fixture.audit, includeUnsubmitted: true).count == 2)   // the answer table is still there
    }

    @Test func pathsThatClimbOutOfARouteFindNothing() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            for path in ["/admin/audits/..%2F..%2Fetc%2Fpasswd/plan.xml", "/r/..%2F..%2Fetc%2Fpasswd", "/staff/%2e%2e%2f%2e%2e%2fs11.sqlite",
                         "/../../etc/passwd", "/Templates/head.mustache"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound || page.status == .seeOther, "\(path): \(page.status)")
                #expect(!page.body.contains("root:"), "\(path)")
            }
        }
    }
}
