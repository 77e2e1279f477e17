import Foundation
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// Peer challenge: the board pairs two member organisations, the reviewer's lead sees the other's
/// return read-only and proposes ratings with reasons, the board accepts one (it becomes the
/// moderation) and rates another its own way, then ends the pairing, which closes the return to
/// the reviewer. Each scope is tested.
@Suite struct PeerPagesTests {
    let rounds = RoundPagesTests()

    @Test func aPeerProposesAndTheBoardAcceptsOrChanges() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-peer-\(UUID().uuidString)").path
        let round = try #require(try await rounds.openRound(fixture, mail: mail).0)
        let police = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027)
        let health = try await fixture.store.audits.named(organisation: "Oxford Health NHS Trust", year: 2027)
        try await rounds.returnIn(fixture, police, officer: "kim.ng@tvp.example")
        let token = try rounds.token(in: mail, round: round, for: "ann.lee@oxfordhealth.example")

        // The board pairs Oxford Health to review the police's return; an organisation cannot review itself.
        let pairing: Int64 = try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let page = try await browser.get("/admin/rounds/\(round)")
            #expect(page.body.contains("Peer challenge"))
            let form = try await browser.get("/admin/rounds/\(round)/peers/new")
            #expect(page.body.contains("href=\"/admin/rounds/\(round)/peers/new\"") && form.body.contains("<option value=\"\(police.id)\">Thames Valley Police</option>"))
            let itself = try await browser.post("/admin/rounds/\(round)/peers", [("reviewer", "\(health.id)"), ("reviewee", "\(health.id)")], csrf: page.csrf)
            #expect(itself.status == .unprocessableContent && itself.body.contains("cannot review its own return"))
            #expect(itself.body.contains("<option value=\"\(health.id)\" selected>Oxford Health NHS Trust</option>"))   // the choice is kept
            let paired = try await browser.post("/admin/rounds/\(round)/peers", [("reviewer", "\(health.id)"), ("reviewee", "\(police.id)")], csrf: page.csrf)
            #expect(paired.body.contains("Oxford Health NHS Trust now reviews Thames Valley Police&#39;s return")
                    || paired.body.contains("Oxford Health NHS Trust now reviews Thames Valley Police's return"))
            // A board user is not the peer: the review page is not theirs.
            let id = try #require(try await fixture.store.peers.pairings(roundID: round).first?.id)
            #expect(try await browser.get("/admin/peer/\(id)").status == .notFound)
            return id
        }

        // The peer sees the return read-only (answers by service area, no officer's name) and proposes.
        try await rounds.run(fixture, mail: mail) { browser in
            try await rounds.setPassword(browser, token: token)
            let home = try await browser.get("/admin")
            #expect(home.body.contains("href=\"/admin/peer/\(pairing)\""))
            let review = try await browser.get("/admin/peer/\(pairing)")
            #expect(review.body.contains("A service area too small to name: Partially") && review.body.contains("Policy 2019"))
            #expect(!review.body.contains("Kim Ng") && !review.body.contains("Response"))   // one officer's area is not named
            #expect(!review.body.contains("name=\"answer") && !review.body.contains("/officers"))
            #expect(review.body.contains("<option value=\"mostly\">") && !review.body.contains("<option value=\"none\">"))   // a score on the scale; no withdrawing
            let unexplained = try await browser.post("/admin/peer/\(pairing)/propose", [("scope", "requirement:S2.1"), ("score", "mostly")], csrf: review.csrf)
            #expect(unexplained.status == .unprocessableContent && unexplained.body.contains("Say why, for requirement S2.1"))
            let proposed = try await browser.post("/admin/peer/\(pairing)/propose",
                                                  [("scope", "requirement:S2.1"), ("score", "mostly"), ("reason", "The 2026 review covers most teams")],
                                                  csrf: review.csrf)
            #expect(proposed.status == .seeOther)
            let standard = try await browser.post("/admin/peer/\(pairing)/propose",
                                                  [("scope", "standard:S2"), ("rating", "green"), ("reason", "Strong training records")], csrf: review.csrf)
            #expect(standard.status == .seeOther)
            #expect(try await browser.get("/admin/peer/\(pairing)").body.contains("Amber (score mostly)"))
        }
        // Proposing changes nothing yet: the board decides.
        #expect(try await fixture.store.moderation.ratings(auditID: police.id).isEmpty)

        // Another organisation's coordinator cannot see or propose through the pairing.
        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signIn(browser)
            let home = try await browser.get("/admin")
            #expect(!home.body.contains("/admin/peer/"))
            #expect(try await browser.get("/admin/peer/\(pairing)").status == .notFound)
            #expect(try await browser.post("/admin/peer/\(pairing)/propose", [("scope", "requirement:S2.1"), ("rating", "red"), ("reason", "x")],
                                           csrf: home.csrf).status == .notFound)
        }

        // The board accepts the score, rates the standard its own way, and ends the review.
        try await rounds.run(fixture, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let page = try await browser.get("/admin/rounds/\(round)/peers/\(pairing)")
            #expect(page.body.contains("Amber (score mostly)") && page.body.contains("The 2026 review covers most teams"))
            let accepted = try await browser.post("/admin/rounds/\(round)/peers/\(pairing)/decide",
                                                  [("scope", "requirement:S2.1"), ("decision", "accept")], csrf: page.csrf)
            #expect(accepted.body.contains("Accepted the proposal for requirement S2.1"))
            let unexplained = try await browser.post("/admin/rounds/\(round)/peers/\(pairing)/decide",
                                                     [("scope", "standard:S2"), ("rating", "amber")], csrf: page.csrf)
            #expect(unexplained.status == .unprocessableContent && unexplained.body.contains("Say why, for standard S2"))
            let changed = try await browser.post("/admin/rounds/\(round)/peers/\(pairing)/decide",
                                                 [("scope", "standard:S2"), ("rating", "amber"), ("reason", "Training records are a year old")], csrf: page.csrf)
            #expect(changed.body.contains("Recorded the board&#39;s own rating") || changed.body.contains("Recorded the board's own rating"))
            let again = try await browser.post("/admin/rounds/\(round)/peers/\(pairing)/decide",
                                               [("scope", "requirement:S2.1"), ("decision", "accept")], csrf: page.csrf)
            #expect(again.status == .unprocessableContent && again.body.contains("no undecided proposal for requirement S2.1"))
            let ended = try await browser.post("/admin/rounds/\(round)/peers/\(pairing)/end", [], csrf: page.csrf)
            #expect(ended.status == .seeOther)
            #expect(try await browser.get("/admin/rounds/\(round)").body.contains("ended"))
        }
        let moderations = try await fixture.store.moderation.ratings(auditID: police.id)
        let requirement = try #require(moderations.first { $0.scope == .requirement("S2.1") })
        #expect(requirement.option == "mostly" && requirement.rag == .amber && requirement.by == "board@board.example")
        #expect(requirement.reason.contains("The 2026 review covers most teams (proposed by ann.lee@oxfordhealth.example (Oxford Health NHS Trust), accepted)"))
        #expect(moderations.first { $0.scope == .standard("S2") }?.rag == .amber)
        let decisions = try await fixture.store.peers.proposals(pairingID: pairing).map { "\($0.proposed.scope): \($0.decision?.rawValue ?? "-")" }
        #expect(decisions == ["requirement S2.1: accepted", "standard S2: changed"])

        // Once the board ends the pairing, the peer sees nothing of the return and proposes nothing.
        try await rounds.run(fixture, mail: mail) { browser in
            try await OrganisationScopeTests().signIn(browser, as: "ann.lee@oxfordhealth.example")
            let home = try await browser.get("/admin")
            #expect(!home.body.contains("/admin/peer/\(pairing)"))
            #expect(try await browser.get("/admin/peer/\(pairing)").status == .notFound)
            #expect(try await browser.post("/admin/peer/\(pairing)/propose", [("scope", "requirement:S2.2"), ("rating", "red"), ("reason", "x")],
                                           csrf: home.csrf).status == .notFound)
        }
        // A pairing that lasts cannot be made twice, and one that ended cannot end again.
        let peers = fixture.app.peers
        let again = try await peers.pair(roundID: round, reviewerAuditID: health.id, revieweeAuditID: police.id, by: "board")  // a new pairing after the end
        await #expect { try await peers.pair(roundID: round, reviewerAuditID: health.id, revieweeAuditID: police.id, by: "board") }
            throws: { "\($0)".contains("already paired") }
        await #expect { try await peers.end(pairingID: pairing, roundID: round, by: "board") } throws: { "\($0)".contains("already ended") }
        // A proposal the board has decided cannot be replaced, even through a new pairing's page.
        try await fixture.store.peers.proposeRating(pairingID: again.id, Moderation(scope: .requirement("S2.1"), rag: .red, reason: "x", by: "y", at: "z"))
        try await fixture.store.peers.decideProposal(pairingID: again.id, scope: .requirement("S2.1"), decision: .changed, by: "board")
        await #expect { try await fixture.store.peers.proposeRating(pairingID: again.id, Moderation(scope: .requirement("S2.1"), rag: .green, reason: "x", by: "y", at: "z")) }
            throws: { "\($0)".contains("already decided the proposal for requirement S2.1") }
        // And the store refuses a proposal that arrives after the end, whatever page sent it.
        await #expect { try await fixture.store.peers.proposeRating(pairingID: pairing, Moderation(scope: .requirement("S2.2"), rag: .red, reason: "x", by: "y", at: "z")) }
            throws: { "\($0)".contains("ended this peer review") }
    }
}
