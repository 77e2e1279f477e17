import Foundation
import S11Core

/// The scorecard as JSON: the card's figures and the gaps with their reasons in words.
public struct ScorecardJSON: Encodable {
    struct GapLine: Encodable {
        var requirement: String
        var standard: String
        var why: String
        var weakestServiceArea: String?
    }

    /// One standard's movement since the compared year, in percentage points.
    struct Movement: Encodable {
        var standard: String
        var previous: Double?
        var current: Double?
        var change: Double?
    }

    var scorecard: Scorecard
    var gaps: [GapLine]
    var comparedWith: Int?
    var movement: [Movement]?
    /// The staff confidence survey's results, when staff answers are stored.
    var staff: StaffResults?

    public init(card: Scorecard, gaps: [Gap], previous: Scorecard? = nil, staff: StaffResults? = nil) {
        scorecard = card
        self.staff = staff
        comparedWith = previous?.year
        movement = previous.map { previous in
            ScoreMovement(current: card, previous: previous).standards.map {
                Movement(standard: $0.standardID, previous: $0.previous, current: $0.current, change: $0.change)
            }
        }
        self.gaps = gaps.map { GapLine(requirement: $0.requirementID, standard: $0.standardID, why: $0.explanation,
                                       weakestServiceArea: $0.weakestServiceArea) }
    }

    public func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
