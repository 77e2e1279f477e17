import Foundation
import S11Core
import Testing

/// Moments in words, in the council's time zone.
@Suite struct MomentWordsTests {
    @Test func winterIsGMTAndSummerIsBST() {
        #expect(MomentWords.london.text(iso: "2026-12-06T03:54:12Z") == "6 December 2026 at 3:54am")
        #expect(MomentWords.london.text(iso: "2026-07-01T11:30:00Z") == "1 July 2026 at 12:30pm")     // BST: an hour on
        #expect(MomentWords.london.text(iso: "2026-03-29T00:00:00Z") == "29 March 2026 at 12am")      // the clocks go forward at 1am GMT
        #expect(MomentWords.london.text(iso: "2026-03-29T01:00:00Z") == "29 March 2026 at 2am")
        #expect(MomentWords.london.text(iso: "2026-12-06T12:05:00.250Z") == "6 December 2026 at 12:05pm")
    }

    @Test func anotherZoneAndTextThatIsNoMomentAreShownAsThey() throws {
        let utc = MomentWords(timeZone: try #require(TimeZone(identifier: "UTC")))
        #expect(utc.text(iso: "2026-07-01T23:59:00Z") == "1 July 2026 at 11:59pm")
        #expect(MomentWords.london.text(iso: "2026-07-01T23:59:00Z") == "2 July 2026 at 12:59am")
        #expect(MomentWords.london.text(iso: "not a moment") == "not a moment")
    }
}
