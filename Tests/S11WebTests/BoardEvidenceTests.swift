import Foundation
import S11App
import S11Core
import S11Store
import Testing
import ZIPFoundation
@testable import S11Web

/// Once an organisation submits its self-assessment to the board, the board's users (its
/// challenge panels among them) and a peer reviewer while paired read its evidence documents,
/// except where the smallest group rule would single out the officer: there they see the name
/// only. Before submission, after a pairing ends, and for anyone else: 404.
@Suite struct BoardEvidenceTests {
    /// Attaches a small PDF named `name` to the officer's answer to Q2.1 of `audit`.
    func attach(_ name: String, officer: String, _ fixture: WebFixture, _ audit: AuditRecord) async throws -> Int64 {
        let bytes = Data("%PDF-1.4 \(name)".utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s11-board-doc-\(UUID().uuidString)")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let upload = DocumentStore.Upload(contents: url, name: name, type: .pdf, size: Int64(bytes.count),
                                          sha256: String(repeating: "0", count: 48) + String(format: "%016x", name.hashValue.magnitude))
        return try await fixture.store.documents.attach(upload, questionID: "Q2.1", officerEmail: officer, auditID: audit.id, by: officer,
                                                        limits: .standard).id
    }

    @Test func theBoardAndAPairedPeerReadTheDocumentsOfASubmittedReturnThatSingleOutNobody() async throws {
        let rounds = RoundPagesTests()
        let (fixture, mail, round, police, cherwell) = try await rounds.openedRound()
        // Two officers in Response (enough to name the area), one alone in Custody (too few).
        try await fixture.store.officers.import([
            Officer(name: "Kim Ng", email: "kim@tvp.example", role: "dso", serviceArea: "Response"),
            Officer(name: "Lee Roy", email: "lee@tvp.example", role: "dso", serviceArea: "Response"),
            Officer(name: "Sol Alone", email: "sol@tvp.example", role: "dso", serviceArea: "Custody"),
        ], auditID: police.id)
        let kims = try await attach("Response training log.pdf", officer: "kim@tvp.example", fixture, police)
        let sols = try await attach("Custody audit.pdf", officer: "sol@tvp.example", fixture, police)
        try await fixture.store.returns.save(["kim@tvp.example", "lee@tvp.example", "sol@tvp.example"].map {
            OfficerReturn(organisation: police.organisation, year: 2027, officerEmail: $0,
                          answers: [Answer(questionID: "Q2.1", choice: .option("partially"), evidence: "Policy 2019")])
        }, auditID: police.id) { _, _ in .submitted }
        let event = try await fixture.app.rounds.scheduleEvent(roundID: round, title: "Police", heldOn: CalendarDate(iso: "2027-04-20")!,
                                                               panel: ["Jo"], auditIDs: [police.id], by: "board")
        let pairing = try await fixture.app.peers.pair(roundID: round, reviewerAuditID: cherwell.id, revieweeAuditID: police.id, by: "board")
        try await fixture.store.accounts.save(email: "raj.patel@cherwell.example", passwordHash: CoordinatorPassword.hash(CoordinatorTests.password, cost: 4),
                                              organisation: "Cherwell District Council")
        let path = "/admin/audits/\(police.id)/documents/"

        // Not submitted yet: the board reads none.
        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            #expect(try await browser.get(path + "\(kims)").status == .notFound)
        }
        try await fixture.app.rounds.submit(auditID: police.id, by: "sam.reed@tvp.example", declaration: BoardRounds.standardDeclaration)

        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let kim = try await browser.get(path + "\(kims)")
            #expect(kim.status == .ok && kim.body == "%PDF-1.4 Response training log.pdf")
            #expect(kim.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(try await browser.get(path + "\(sols)").status == .notFound)                          // would single out Sol
            let item = try await browser.get("/admin/rounds/\(round)/events/\(event.id)/audits/\(police.id)/item?scope=requirement%3AS2.1")
            #expect(item.body.contains("<a href=\"\(path)\(kims)\" download>Response training log.pdf</a>"), "\(item.body)")
            #expect(item.body.contains(" Custody audit.pdf;") && !item.body.contains("\(path)\(sols)\""))
            #expect(!item.body.contains("Kim Ng") && !item.body.contains("Custody</td>"))
            // The board's bundle holds what it may read, and no more.
            let zip = try await browser.getBytes("/admin/audits/\(police.id)/downloads/evidence.zip")
            let paths = try Archive(data: Data(zip), accessMode: .read, pathEncoding: nil).map(\.path)
            #expect(paths.contains { $0.hasSuffix("/Response training log.pdf") } && !paths.contains { $0.contains("Custody") }, "\(paths)")
        }
        // The paired peer reads the same; another board's user and another organisation's coordinator, nothing.
        let peer = "/admin/peer/\(pairing.id)/documents/"
        try await rounds.run(fixture, mail: mail) { browser in
            try await OrganisationScopeTests().signIn(browser, as: "raj.patel@cherwell.example")
            #expect(try await browser.get(peer + "\(kims)").status == .ok)
            #expect(try await browser.get(peer + "\(sols)").status == .notFound)
            #expect(try await browser.get(path + "\(kims)").status == .notFound)                          // not through the audit's address
            #expect(try await browser.get("/admin/peer/\(pairing.id)").body.contains("<a href=\"\(peer)\(kims)\" download>"))
        }
        try await rounds.run(fixture, mail: mail) { browser in
            try await rounds.signIn(browser, fixture, boardUserOf: "Buckinghamshire Safeguarding Children Partnership", email: "unit@bscb.example")
            #expect(try await browser.get(path + "\(kims)").status == .notFound)
        }
        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signIn(browser)                                                  // Riverside's
            #expect(try await browser.get(path + "\(kims)").status == .notFound)
            #expect(try await browser.get(peer + "\(kims)").status == .notFound)
        }
        // The pairing ended, the peer reads nothing more.
        try await fixture.app.peers.end(pairingID: pairing.id, roundID: round, by: "board")
        try await rounds.run(fixture, mail: mail) { browser in
            try await OrganisationScopeTests().signIn(browser, as: "raj.patel@cherwell.example")
            #expect(try await browser.get(peer + "\(kims)").status == .notFound)
        }
    }
}
