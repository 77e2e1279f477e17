import Foundation
import S11Core
@testable import S11Store
import Testing

/// A store altered under s11 (a column renamed by hand, say) is the store's failure, not a
/// refusal: the officer gets the general error page, which shows nothing of the inside, and the
/// server goes on answering.
@Suite struct DamagedStoreTests {
    @Test func aColumnTheStoreCannotReadIsTheGeneralErrorPageNotARefusal() async throws {
        let fixture = try await WebFixture()
        try await fixture.store.engine.write { try await $0.execute("ALTER TABLE officer RENAME COLUMN status TO state") }
        try await fixture.run { browser in
            let page = try await browser.get("/r/\(fixture.owen)")
            #expect(page.status == .internalServerError)
            #expect(page.body.contains("Something went wrong"))
            for inside in ["officer table", "column", "rename", "SQL", "Store"] {
                #expect(!page.body.contains(inside), "the error page shows '\(inside)'")
            }
            // The staff survey does not read that column: it still answers.
            #expect(try await browser.get("/staff/\(fixture.staffToken)").status == .ok)
        }
    }
}
