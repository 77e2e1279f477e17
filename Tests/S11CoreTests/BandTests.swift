import Foundation
import Testing
@testable import S11Core

/// Fixture bands: blue 100 (evidence + example), green 75 (evidence), amber 50, red 0.
@Suite("RAG bands and capping")
struct BandTests {
    let scorer = Scorer(content: Fixture.content)

    /// One requirement's answers: one evidenced answer at `percent` (evidence and example as given).
    func band(_ percent: Double?, evidence: String? = "Minutes", example: String? = nil) -> Rating {
        scorer.band(percent, groups: [[Fixture.scored(percent, evidence: evidence, example: example)]])
    }

    @Test(arguments: [
        (75.0, Rag.green),   // exactly the green threshold
        (74.9, Rag.amber),   // just below green
        (50.0, Rag.amber),   // exactly the amber threshold
        (49.9, Rag.red),     // just below amber
        (0.0, Rag.red),
        (99.9, Rag.green),   // blue needs 100
    ])
    func thresholds(percent: Double, expected: Rag) {
        let rating = band(percent)
        #expect(rating.rag == expected)
        #expect(rating.percent == percent)
        #expect(rating.capped == nil)
    }

    @Test func hundredWithEvidenceAndExampleIsBlue() {
        let rating = band(100, example: "Joint audit with the police")
        #expect(rating.rag == .blue)
        #expect(rating.capped == nil)
    }

    @Test func hundredWithoutExampleIsCappedToGreen() throws {
        let rating = band(100)
        #expect(rating.rag == .green)
        let note = try #require(rating.capped)
        #expect(note.contains("Blue capped to Green"))
        #expect(note.contains("example"))
        #expect(!note.contains("evidence"))     // the evidence was given
    }

    @Test func hundredWithoutEvidenceIsCappedToGreen() throws {
        let rating = band(100, evidence: nil, example: "Joint audit")
        #expect(rating.rag == .green)
        let note = try #require(rating.capped)
        #expect(note.contains("evidence"))
        #expect(!note.contains("example"))      // the example was given
    }

    @Test func greenWithoutEvidenceIsCappedToAmber() throws {
        let rating = band(80, evidence: nil)
        #expect(rating.rag == .amber)           // green needs evidence in the fixture
        #expect(rating.percent == 80)           // the percentage itself is not changed
        #expect(try #require(rating.capped).contains("Green capped to Amber"))
    }

    @Test func cappingIsOnlyEverOneBand() throws {
        // 100 with neither evidence nor example: Blue fails, and Green would fail too
        // (it needs evidence), but the cap is one band: Green, not Amber.
        let rating = band(100, evidence: nil, example: nil)
        #expect(rating.rag == .green)
        let note = try #require(rating.capped)
        #expect(note.contains("evidence") && note.contains("example"))
    }

    @Test func amberNeedsNoEvidence() {
        let rating = band(60, evidence: nil)
        #expect(rating.rag == .amber)
        #expect(rating.capped == nil)
    }

    @Test func noPercentageIsUnrated() {
        #expect(band(nil) == .unrated)
    }

    @Test func notApplicableAnswersDoNotNeedEvidence() {
        // One evidenced 100% answer with an example, plus an N/A answer with no evidence: still Blue.
        let rating = scorer.band(100, groups: [[Fixture.scored(100, example: "Good practice"),
                                                Fixture.scored(nil, evidence: nil)]])
        #expect(rating.rag == .blue)
    }

    @Test func oneUnevidencedAnswerCapsTheRequirement() {
        // Two green-level answers, one without evidence: "every counted answer must give evidence".
        let rating = scorer.band(83.3, groups: [[Fixture.scored(100), Fixture.scored(66.7, evidence: nil)]])
        #expect(rating.rag == .amber)
    }

    @Test func blueThroughTheScorer() throws {
        // Two officers fully met with evidence; one gives an example: 100% Blue.
        let card = Fixture.score([
            Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully", example: "Board champions")]),
            Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "fully")]),
        ])
        let rating = try #require(card.requirement("R1.1")?.rating)
        #expect(rating.percent == 100)          // (100 + 100) / 2
        #expect(rating.rag == .blue)
    }

    @Test func noExampleNoBlueThroughTheScorer() throws {
        let card = Fixture.score([
            Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully")]),
            Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "fully")]),
        ])
        let rating = try #require(card.requirement("R1.1")?.rating)
        #expect(rating.percent == 100)
        #expect(rating.rag == .green)
        #expect(rating.capped?.contains("example") == true)
    }

    @Test func blankEvidenceCountsAsNone() throws {
        // Fully + mostly = (100 + 66.67) / 2 = 83.33, green-level; Ben's evidence is only spaces.
        let card = Fixture.score([
            Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully")]),
            Fixture.ret(Fixture.ben, [Fixture.answer("Q1.1", "mostly", evidence: "   ")]),
        ])
        let rating = try #require(card.requirement("R1.1")?.rating)
        #expect(close(rating.percent, 83.333))
        #expect(rating.rag == .amber)
    }

    @Test func contentWithoutBandsUsesOxfordshire() {
        var content = Fixture.content
        content.selfAssessment.bands = []
        #expect(content.bands == BandRule.oxfordshire)
        // Oxfordshire's green needs no evidence: 80 without evidence stays Green.
        let rating = Scorer(content: content).band(80, groups: [[Fixture.scored(80, evidence: nil)]])
        #expect(rating.rag == .green)
    }

    @Test func ragOrderAndGaps() {
        #expect(Rag.blue < Rag.green && Rag.green < Rag.amber && Rag.amber < Rag.red)
        #expect(Rag.allCases.filter(\.isGap) == [.amber, .red])
    }

    @Test func greenCanAskForMostAnswersEvidencedRatherThanAll() {
        // Oxfordshire's Green: "all met, most evidenced", written as minEvidencePercent="50".
        var content = Fixture.content
        content.selfAssessment.bands = [
            BandRule(rag: .blue, minPercent: 100, needsEvidence: true, needsExample: true),
            BandRule(rag: .green, minPercent: 75, minEvidencePercent: 50),
            BandRule(rag: .amber, minPercent: 50),
            BandRule(rag: .red, minPercent: 0),
        ]
        let scorer = Scorer(content: content)
        let half = scorer.band(83.3, groups: [[Fixture.scored(100), Fixture.scored(66.7, evidence: nil)]])
        #expect(half.rag == .green)                 // 1 of 2 evidenced: enough
        let third = scorer.band(77.8, groups: [[Fixture.scored(100), Fixture.scored(66.7, evidence: nil)],
                                               [Fixture.scored(66.7, evidence: nil)]])
        #expect(third.rag == .amber)                // 1 of 3 evidenced: capped one band
        #expect(third.capped == "Green capped to Amber: 1 of 3 answers give evidence (Green needs 50%)")
    }

    /// "No example, no Blue": a document attached to the answer counts as the example, from the
    /// scored answer up to the requirement's band on the scorecard.
    @Test func anAttachedDocumentIsTheExample() throws {
        var answer = Fixture.scored(100)
        answer.documents = [DocumentMention(id: 1, name: "Joint audit with the police.pdf")]
        #expect(scorer.band(100, groups: [[answer]]).rag == .blue)
        let returns = [Fixture.ret(Fixture.alice, [Fixture.answer("Q1.1", "fully")])]
        let plain = Fixture.score(returns)
        #expect(plain.standards[0].requirements[0].rating.rag != .blue)
        let document = EvidenceDocument(id: 1, officerEmail: "ALICE@testshire.gov.uk", questionID: "Q1.1", name: "Joint audit.pdf", type: .pdf,
                                        size: 10, sha256: "", uploadedAt: .now, uploadedBy: "alice")
        let card = Scorer(content: Fixture.content).score(organisation: Fixture.organisation, year: Fixture.year, officers: Fixture.officers,
                                                          returns: returns, attached: AttachedDocuments([document]))
        let requirement = try #require(card.standards[0].requirements.first { $0.requirementID == "R1.1" })
        #expect(requirement.rating.rag == .blue && requirement.rating.capped == nil)
        #expect(requirement.answers.first?.documents == [DocumentMention(id: 1, name: "Joint audit.pdf")])
    }
}
