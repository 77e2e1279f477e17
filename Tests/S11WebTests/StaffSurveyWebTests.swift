import Foundation
import Hummingbird
import S11Core
import Testing
@testable import S11Web

/// The anonymous staff survey page.
@Suite struct StaffSurveyWebTests {
    @Test func staffAnswerOnOnePageAndNothingIdentifiesThem() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            let form = try await browser.get("/staff/\(fixture.staffToken)")
            #expect(form.status == .ok)
            #expect(form.body.contains("Staff safeguarding confidence survey"))
            #expect(form.body.contains("name=\"viewport\""))                     // works on a phone
            let sent = try await browser.post("/staff/\(fixture.staffToken)", [
                ("profile.service-area", "housing"), ("profile.role", "frontline"),
                ("answer.SC01", "agree"), ("answer.SC06", "disagree"),
            ], csrf: form.csrf)
            #expect(sent.location == "/staff/\(fixture.staffToken)/thanks")
            let empty = try await browser.post("/staff/\(fixture.staffToken)", [], csrf: form.csrf)
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("Answer at least one statement"))
        }
        let stored = try await fixture.store.staffResponses(auditID: fixture.audit.id)
        #expect(stored.count == 1)
        #expect(stored.first?.answers == ["SC01": "agree", "SC06": "disagree"])
        #expect(stored.first?.profile == ["service-area": "housing", "role": "frontline"])
        #expect(stored.first?.submittedOn != nil)                                // the day, nothing finer
    }

    @Test func anUnknownSurveyLinkIsNotFound() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { browser in
            let officerToken = try await browser.get("/staff/\(fixture.owen)")   // an officer's token is not a staff link
            #expect(officerToken.status == .notFound)
        }
    }
}
