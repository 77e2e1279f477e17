import Foundation
import S11App
import S11Core
import S11Store
import Testing
import ZIPFoundation
@testable import S11Web

/// What the board reads singles out no officer: a member organisation where two service areas were
/// each answered by one officer submits to the board, drafts its plan, is paired with a peer and
/// challenged at an event; every page and file a board user or the peer can open shows those two
/// areas only folded together as "Other service areas", while the organisation's own coordinator
/// still sees every area by name.
@Suite struct BoardSafeOutputsTests {
    let rounds = RoundPagesTests()
    /// The two areas one officer each answered for; neither may be named to the board.
    static let smallAreas = ["Custody suite", "Dog section"]

    @Test func noBoardFacingPageOrFileNamesAnAreaOneOfficerAnswered() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-board-safe-\(UUID().uuidString)").path
        let round = try #require(try await rounds.openRound(fixture, mail: mail).0)
        let police = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027)
        let health = try await fixture.store.audits.named(organisation: "Oxford Health NHS Trust", year: 2027)
        try await answeredBySmallAreas(fixture, police)
        try await fixture.app.rounds.submit(auditID: police.id, by: "lead", declaration: BoardRounds.standardDeclaration)
        let session = try await fixture.app.session(police)
        let plan = try await session.draftPlan(options: PlanDrafter.Options(start: CalendarDate(iso: "2028-01-01")!, today: CalendarDate(iso: "2027-04-01")!),
                                               replace: false)
        // The plan's findings fold the areas (the objective on S2.1 reads "Not met: Other service areas.").
        let findings = plan.standards.flatMap(\.objectives).compactMap(\.finding) + plan.underReview.map(\.finding)
        #expect(findings.contains { $0.contains("Other service areas") }, "\(findings)")
        let pairing = try await fixture.app.peers.pair(roundID: round, reviewerAuditID: health.id, revieweeAuditID: police.id, by: "board")
        let event = try await fixture.app.rounds.scheduleEvent(roundID: round, title: "Police challenge", heldOn: CalendarDate(iso: "2027-04-20")!,
                                                               panel: ["Jo Smith"], auditIDs: [police.id], by: "board")

        // Everything a board user opens.
        var read: [(String, String)] = try await rounds.run(fixture, mail: mail) { browser in
            var read: [(String, String)] = []
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let eventPath = "/admin/rounds/\(round)/events/\(event.id)"
            var pages = ["/admin/rounds/\(round)", "/admin/rounds/\(round)/round.csv", "/admin/rounds/\(round)/round.xml",
                         "/admin/rounds/\(round)/report.html", "/admin/audits/\(police.id)/scorecard", "/admin/audits/\(police.id)/downloads",
                         "/admin/rounds/\(round)/peers/\(pairing.id)", eventPath, "\(eventPath)/audits/\(police.id)",
                         "\(eventPath)/audits/\(police.id)/letter"]
            pages += ["S2.1", "S2.2"].map { "\(eventPath)/audits/\(police.id)/item?scope=requirement%3A\($0)" }
            pages += (["board-report.html"] + PlanFormat.allCases.map { $0.fileName(plan) }).map { "/admin/audits/\(police.id)/downloads/\($0)" }
            for path in pages {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                read.append((path, page.body))
            }
            let downloads = try #require(read.first { $0.0.hasSuffix("/downloads") }?.1)
            #expect(!downloads.contains("scorecard.csv") && !downloads.contains("responses.csv"))   // the coordinator's files are not the board's
            for path in ["/admin/rounds/\(round)/report.docx", "/admin/audits/\(police.id)/downloads/\(PlanFormat.docx.fileName(plan))"] {
                let file = try await browser.getBytes(path)
                read.append((path, try Self.wordText(file)))
            }
            return read
        }
        // Everything the peer opens.
        try await fixture.store.accounts.save(email: "ann.lee@oxfordhealth.example", passwordHash: CoordinatorPassword.hash(CoordinatorTests.password, cost: 4),
                                              organisation: "Oxford Health NHS Trust", board: nil)
        read.append(try await rounds.run(fixture, mail: mail) { browser in
            try await OrganisationScopeTests().signIn(browser, as: "ann.lee@oxfordhealth.example")
            let review = try await browser.get("/admin/peer/\(pairing.id)")
            #expect(review.status == .ok)
            return ("/admin/peer/\(pairing.id)", review.body)
        })
        for (path, body) in read {
            for area in Self.smallAreas {
                #expect(!body.localizedCaseInsensitiveContains(area), "\(path) names \(area), which one officer answered")
            }
            // Only the plan names officers, as the leads accountable for its actions, and without their areas.
            if !path.contains("/downloads/plan-") {
                #expect(!body.contains("Solo Wells") && !body.contains("Dee Marsh"), "\(path) names an officer of a small area")
            }
        }
        // The folded areas are there, together, where the board reads by service area.
        #expect(read.first { $0.0.hasSuffix("/scorecard") }?.1.contains("Other service areas") == true)
        #expect(read.first { $0.0.hasPrefix("/admin/peer/") }?.1.contains("Other service areas") == true)

        // The organisation's own coordinator still sees every area by name.
        try await fixture.store.accounts.save(email: "sam.reed@tvp.example", passwordHash: CoordinatorPassword.hash(CoordinatorTests.password, cost: 4),
                                              organisation: "Thames Valley Police", board: nil)
        try await rounds.run(fixture, mail: mail) { browser in
            try await OrganisationScopeTests().signIn(browser, as: "sam.reed@tvp.example")
            let own = try await browser.get("/admin/audits/\(police.id)/scorecard")
            #expect(Self.smallAreas.allSatisfy { own.body.contains($0) } && !own.body.contains("Other service areas"))
            // The board report they download is the board's, safe to send as it is.
            let report = try await browser.get("/admin/audits/\(police.id)/downloads/board-report.html")
            #expect(report.status == .ok && report.body.contains("Other service areas"))
            #expect(!Self.smallAreas.contains { report.body.contains($0) } && !report.body.contains("Solo Wells") && !report.body.contains("Kim Ng"))
        }
    }

    /// Four officers answer S2.1 and S2.2: two in Response, one each in the two small areas.
    func answeredBySmallAreas(_ fixture: WebFixture, _ audit: AuditRecord) async throws {
        let officers = [("Kim Ng", "kim.ng@tvp.example", "Response"), ("Lee Ray", "lee.ray@tvp.example", "Response"),
                        ("Solo Wells", "solo.wells@tvp.example", Self.smallAreas[0]), ("Dee Marsh", "dee.marsh@tvp.example", Self.smallAreas[1])]
        try await fixture.store.officers.import(officers.map { Officer(name: $0.0, email: $0.1, role: "dso", serviceArea: $0.2) }, auditID: audit.id)
        let returns = officers.enumerated().map { index, officer in
            let small = index >= 2
            return OfficerReturn(organisation: audit.organisation, year: audit.year, officerEmail: officer.1, answers: [
                Answer(questionID: "Q2.1", choice: .option(small ? "not-met" : "mostly"), evidence: "Policy 2019",
                       improvement: small ? Improvement(action: "Rewrite the custody safeguarding policy", by: "June") : nil),
                Answer(questionID: "Q2.2", choice: .option(small ? "partially" : "fully"), evidence: "Training log"),
            ])
        }
        try await fixture.store.returns.save(returns, auditID: audit.id) { _, _ in .submitted }
    }

    /// The words of a Word document's body, its XML tags left out.
    static func wordText(_ docx: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(docx), accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }
}
