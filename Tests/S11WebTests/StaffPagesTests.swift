import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// The lead takes in the staff survey in the browser: the link to copy, and an export uploaded,
/// its columns checked and matched in the form, and stored only when confirmed.
@Suite struct StaffPagesTests {
    func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: WebFixture.packageRoot.appendingPathComponent("Examples/staff/\(name)")))
    }

    func count(_ fixture: WebFixture) async throws -> Int { try await fixture.store.staff.answerSetCount(auditID: fixture.audit.id) }

    @Test func aSurveyMonkeyExportIsCheckedThenImported() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let id = fixture.audit.id
        let before = try await count(fixture)
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get("/admin/audits/\(id)/staff")
            let linked = try await browser.post("/admin/audits/\(id)/staff/link", [], csrf: page.csrf)
            let link = try #require(linked.body.components(separatedBy: "id=\"staff-link\" value=\"").dropFirst().first?.split(separator: "\"").first)
            let token = String(link.split(separator: "/").last!)
            #expect(try await fixture.store.staff.audit(forLink: token)?.id == id)            // the link shown is the one that works
            // A new link asks first: the one staff have stops working.
            #expect(linked.body.contains("href=\"/admin/audits/\(id)/staff/link\">Issue a new link</a>"))
            let ask = try await browser.get("/admin/audits/\(id)/staff/link")
            #expect(ask.status == .ok && ask.body.contains("stops working at once") && ask.body.contains("Keep the current link"))
            #expect(MomentsOnPage.raw(in: ask.body).isEmpty && MomentsOnPage.inWords(in: ask.body))
            let checked = try await browser.upload("/admin/audits/\(id)/staff/upload", file: ("file", "surveymonkey-2026.csv", try example("surveymonkey-2026.csv")),
                                                   csrf: page.csrf)
            #expect(checked.body.contains("Check the columns before importing"))
            #expect(checked.body.contains("columns were matched"))
            #expect(try await count(fixture) == before)                                          // nothing stored yet
            let upload = try #require(checked.field("upload"))
            // Confirm with every column as matched (the selects' chosen values).
            var fields: [(String, String)] = [("upload", upload), ("choice", "import"), ("dateOrder", "")]
            fields += Self.chosen(in: checked.body)
            let done = try await browser.post("/admin/audits/\(id)/staff/confirm", fields, csrf: page.csrf)
            #expect(done.body.contains("Imported 140 anonymous answer sets from surveymonkey-2026.csv"), "\(done.body.prefix(3000))")
            // The same key cannot import twice.
            let again = try await browser.post("/admin/audits/\(id)/staff/confirm", fields, csrf: page.csrf)
            #expect(again.status == .conflict && again.body.contains("no longer waiting"))
        }
        #expect(try await count(fixture) == before + 140)
    }

    /// The same export uploaded again is asked about, not counted twice; a file's answers are taken
    /// out after a question that says what goes; all in the browser.
    @Test func aFileImportedBeforeIsAskedAboutAndAnImportIsTakenOut() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let id = fixture.audit.id
        let before = try await count(fixture)
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get("/admin/audits/\(id)/staff")
            func upload() async throws -> (page: Browser.Page, fields: [(String, String)]) {
                let checked = try await browser.upload("/admin/audits/\(id)/staff/upload",
                                                       file: ("file", "export.csv", try example("surveymonkey-2026.csv")), csrf: page.csrf)
                return (checked, [("upload", try #require(checked.field("upload"))), ("choice", "import"), ("dateOrder", "")] + Self.chosen(in: checked.body))
            }
            let first = try await upload()
            #expect(!first.page.body.contains("Imported before"))
            _ = try await browser.post("/admin/audits/\(id)/staff/confirm", first.fields, csrf: page.csrf)
            let second = try await upload()
            #expect(second.page.body.contains("<h2>Imported before</h2>") && second.page.body.contains("140 anonymous answer sets"))
            let refused = try await browser.post("/admin/audits/\(id)/staff/confirm", second.fields, csrf: page.csrf)
            #expect(refused.status == .unprocessableContent && refused.body.contains("tick the box to import it again"))
            #expect(!refused.body.contains("--again") && !refused.body.contains("s11 responses"))     // no command line in the browser
            #expect(try await count(fixture) == before + 140)
            let twice = try await browser.post("/admin/audits/\(id)/staff/confirm", second.fields + [("again", "yes")], csrf: page.csrf)
            #expect(twice.body.contains("Imported 140 anonymous answer sets"))
            #expect(try await count(fixture) == before + 280)

            let batches = try await fixture.store.staff.importBatches(auditID: id)
            let last = try #require(batches.last)
            let listed = try await browser.get("/admin/audits/\(id)/staff")
            #expect(listed.body.contains("href=\"/admin/audits/\(id)/staff/batches/\(last.id)/undo\">Take out"))
            let ask = try await browser.get("/admin/audits/\(id)/staff/batches/\(last.id)/undo")
            #expect(ask.body.contains("Take out the answers imported from export.csv?") && ask.body.contains("cannot be undone"))
            #expect(try await count(fixture) == before + 280)                                     // asking takes nothing out
            let taken = try await browser.post("/admin/audits/\(id)/staff/batches/\(last.id)/undo", [], csrf: page.csrf)
            #expect(taken.body.contains("Took out the 140 anonymous answer sets imported from export.csv on "))
            #expect(try await count(fixture) == before + 140)
            // Once gone, and for a number that is not this audit's, there is nothing to take out.
            #expect(try await browser.post("/admin/audits/\(id)/staff/batches/\(last.id)/undo", [], csrf: page.csrf).status == .notFound)
            #expect(try await browser.get("/admin/audits/\(id)/staff/batches/99999/undo").status == .notFound)
        }
    }

    @Test func aFormsExportIsMatchedInTheFormAndNothingIsStoredUntilItIsWhole() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let id = fixture.audit.id
        let before = try await count(fixture)
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get("/admin/audits/\(id)/staff")
            let checked = try await browser.upload("/admin/audits/\(id)/staff/upload", file: ("file", "forms-export.csv", try example("forms-export.csv")),
                                                   csrf: page.csrf)
            #expect(checked.body.contains("Child signs <strong class=\"status overdue\">not matched</strong>"))
            #expect(checked.body.contains("Questions with no column"))
            let upload = try #require(checked.field("upload"))
            let chosen = Self.chosen(in: checked.body)
            let refused = try await browser.post("/admin/audits/\(id)/staff/confirm", [("upload", upload), ("choice", "import")] + chosen,
                                                 csrf: page.csrf)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Say what column 9 (&#39;Child signs&#39;) holds") || refused.body.contains("Say what column 9 ('Child signs') holds"))
            #expect(refused.body.contains("Confirm that the export has no column"))
            #expect(try await count(fixture) == before)
            let matched = chosen.filter { !["column.9", "column.10", "column.11"].contains($0.0) }
                + [("column.9", "SC01"), ("column.10", "SC06"), ("column.11", "SC07"), ("absent", "yes")]
            let done = try await browser.post("/admin/audits/\(id)/staff/confirm", [("upload", upload), ("choice", "import")] + matched,
                                              csrf: page.csrf)
            #expect(done.body.contains("Imported 5 anonymous answer sets from forms-export.csv"), "\(done.body.prefix(3000))")
        }
        #expect(try await count(fixture) == before + 5)
    }

    /// The staff export read a page at a time gives the same file whatever the page size, and the
    /// download streams the same bytes.
    @Test func theStaffExportIsTheSameWhateverItsPages() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let session = try await fixture.app.session(fixture.audit)
        _ = try await session.importStaffResponses(files: [WebFixture.packageRoot.appendingPathComponent("Examples/staff/surveymonkey-2026.csv").path],
                                             mappingFile: nil)
        let export = ResponsesExport(session: session)
        var small: [UInt8] = [], wholeBytes: [UInt8] = []
        try await export.staff(pageSize: 7) { small += $0 }
        try await export.staff(pageSize: 5_000) { wholeBytes += $0 }
        #expect(small == wholeBytes)
        let whole = String(decoding: wholeBytes, as: UTF8.self)
        #expect(whole.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + (try await count(fixture)))
        let expected = whole
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let download = try await browser.get("/admin/audits/\(fixture.audit.id)/downloads/staff-responses.csv")
            #expect(download.body == expected)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"staff-responses.csv\"")
        }
    }

    @Test func anUploadWaitsOnlyForItsOwnAudit() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let id = fixture.audit.id
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get("/admin/audits/\(id)/staff")
            let cancelled = try await browser.upload("/admin/audits/\(id)/staff/upload", file: ("file", "x.csv", try example("surveymonkey-2026.csv")),
                                                     csrf: page.csrf)
            let upload = try #require(cancelled.field("upload"))
            let gone = try await browser.post("/admin/audits/\(id)/staff/confirm", [("upload", upload), ("choice", "cancel")], csrf: page.csrf)
            #expect(gone.body.contains("nothing was stored"))
            let made = try await browser.post("/admin/audits/\(id)/staff/confirm", [("upload", "../../etc"), ("choice", "import")], csrf: page.csrf)
            #expect(made.status == .conflict)
        }
    }

    /// Every column's select with the value it comes chosen with.
    static func chosen(in body: String) -> [(String, String)] {
        body.components(separatedBy: "<select id=\"column-").dropFirst().map { part in
            let name = "column." + (part.split(separator: "\"").first.map(String.init) ?? "")
            let selected = part.components(separatedBy: "</select>")[0].components(separatedBy: "<option value=\"")
                .first { $0.contains("\" selected>") }?.split(separator: "\"").first.map(String.init) ?? ""
            return (name, selected)
        }
    }
}

/// Uploads nobody checked are let go after a day.
@Suite struct StaffUploadsTests {
    @Test func anUploadLeftUncheckedForADayIsLetGo() throws {
        let uploads = StaffUploads(folder: FileManager.default.temporaryDirectory.appendingPathComponent("s11-uploads-test-\(UUID().uuidString)"))
        let old = try uploads.keep(Array("a,b\r\n".utf8), name: "old.csv")
        #expect(uploads.file(old) != nil)
        let fresh = try uploads.keep(Array("a,b\r\n".utf8), name: "fresh.csv", now: Date().addingTimeInterval(StaffUploads.waitsFor + 60))
        #expect(uploads.file(old) == nil && uploads.file(fresh) != nil)
        #expect(uploads.file("../../etc/passwd") == nil)
    }
}
