import Foundation
import S11Core

/// The scorecard as JSON: the card's figures and the gaps with their reasons in words.
struct ScorecardJSON: Encodable {
    struct GapLine: Encodable {
        var requirement: String
        var standard: String
        var why: String
        var weakestServiceArea: String?
    }

    var scorecard: Scorecard
    var gaps: [GapLine]

    init(card: Scorecard, gaps: [Gap]) {
        scorecard = card
        self.gaps = gaps.map { GapLine(requirement: $0.requirementID, standard: $0.standardID, why: $0.explanation,
                                       weakestServiceArea: $0.weakestServiceArea) }
    }

    func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
