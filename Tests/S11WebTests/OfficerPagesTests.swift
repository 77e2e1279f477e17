import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store
import S11XML
import Testing
@testable import S11Web

/// The coordinator keeps the audit's officers in the browser: a CSV list uploaded whole or
/// refused whole with each row's problem, and one officer added, changed and removed.
@Suite struct OfficerPagesTests {
    @Test func aListIsUploadedWholeOrRefusedWholeWithItsRows() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let id = fixture.audit.id
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get("/admin/audits/\(id)/officers")
            #expect(page.body.contains("enctype=\"multipart/form-data\"") && page.body.contains("id=\"add-name\""))
            // Row 3 has no role it knows and row 4 no e-mail address: nothing is stored.
            let bad = Array("""
                name,email,role,service_area\r
                Asha Patel,asha.patel@riverside.example,dso,Housing\r
                Ben Cole,ben.cole@riverside.example,wizard,Housing\r
                Cara Dunn,,dso,Leisure\r
                """.utf8)
            let refused = try await browser.upload("/admin/audits/\(id)/officers/upload", file: ("file", "officers.csv", bad), csrf: page.csrf)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("officers.csv was not imported: 2 problems"))
            #expect(refused.body.contains("row 3: unknown role &#39;wizard&#39;") || refused.body.contains("row 3: unknown role 'wizard'"))
            #expect(refused.body.contains("row 4: the e-mail address is empty"))
            #expect(refused.body.contains("href=\"#problem-1\"") && refused.body.contains("id=\"problem-1\""))
            #expect(try await fixture.store.officers.all(auditID: id).count == 2)
            let good = Array("name,email,role,service_area\r\nAsha Patel,asha.patel@riverside.example,dso,Housing\r\n".utf8)
            let imported = try await browser.upload("/admin/audits/\(id)/officers/upload", file: ("file", "officers.csv", good), csrf: page.csrf)
            #expect(imported.body.contains("Imported officers.csv: 1 officer added, 0 updated."))
            // Without the form's token, nothing is read.
            let forged = try await browser.upload("/admin/audits/\(id)/officers/upload", file: ("file", "x.csv", good), csrf: "forged")
            #expect(forged.status == .forbidden)
            // A file saved as UTF-16 is refused in one line that says how to save it.
            let utf16 = Array("name,email,role,service_area\r\n".utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] })
            let wide = try await browser.upload("/admin/audits/\(id)/officers/upload", file: ("file", "wide.csv", [0xFF, 0xFE] + utf16), csrf: page.csrf)
            #expect(wide.status == .unprocessableContent && wide.body.contains("UTF-8"))
        }
        #expect(try await fixture.store.officers.all(auditID: id).map(\.email).contains("asha.patel@riverside.example"))
    }

    @Test func oneOfficerIsAddedChangedAndRemoved() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let id = fixture.audit.id
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let page = try await browser.get("/admin/audits/\(id)/officers")
            let missing = try await browser.post("/admin/audits/\(id)/officers/add",
                                                 [("name", "Dev Shah"), ("email", "not-an-address"), ("role", ""), ("service_area", "Housing")],
                                                 csrf: page.csrf)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains("href=\"#add-email\"") && missing.body.contains("&#39;not-an-address&#39; is not an e-mail address"))
            #expect(missing.body.contains("href=\"#add-role\"") && missing.body.contains("The role is empty"))
            #expect(missing.body.contains("value=\"Dev Shah\""))                       // what was typed is kept
            // Each problem also beside its field, which points at it.
            #expect(missing.body.contains("id=\"add-email-error\"><span class=\"visually-hidden\">Error:</span> &#39;not-an-address&#39; is not an e-mail address</p>"))
            #expect(missing.body.contains("aria-describedby=\"add-email-error\"") && missing.body.contains("id=\"add-role-error\""))
            #expect(!missing.body.contains("id=\"add-name-error\""))
            // The service area is chosen from the content's one list, the staff survey's; one it lacks is refused beside its field.
            #expect(page.body.contains("<option value=\"Housing and homelessness\">Housing and homelessness</option>"))
            let unlisted = try await browser.post("/admin/audits/\(id)/officers/add",
                                                  [("name", "Dev Shah"), ("email", "dev.shah@riverside.example"), ("role", "dso"), ("service_area", "Parks")],
                                                  csrf: page.csrf)
            #expect(unlisted.status == .unprocessableContent)
            #expect(unlisted.body.contains("id=\"add-service_area-error\"><span class=\"visually-hidden\">Error:</span> &#39;Parks&#39; is not one of the service areas; use one of: Housing and homelessness, "))
            let added = try await browser.post("/admin/audits/\(id)/officers/add",
                                               [("name", "Dev Shah"), ("email", "dev.shah@riverside.example"), ("role", "dso"), ("service_area", "Housing")],
                                               csrf: page.csrf)
            #expect(added.body.contains("Added Dev Shah"))
            let twice = try await browser.post("/admin/audits/\(id)/officers/add",
                                               [("name", "Dev Shah"), ("email", "Dev.Shah@riverside.example"), ("role", "dso"), ("service_area", "Housing")],
                                               csrf: page.csrf)
            #expect(twice.status == .unprocessableContent && twice.body.contains("already an officer of this audit"))
            let form = try await browser.get("/admin/audits/\(id)/officers/change?email=dev.shah%40riverside.example")
            #expect(form.body.contains("value=\"Dev Shah\""))
            let changed = try await browser.post("/admin/audits/\(id)/officers/change",
                                                 [("email", "dev.shah@riverside.example"), ("name", "Devika Shah"), ("role", "dso"),
                                                  ("service_area", "Leisure and Culture")], csrf: page.csrf)
            #expect(changed.body.contains("Changed Devika Shah."))
            #expect(try await fixture.store.officers.all(auditID: id).first { $0.email == "dev.shah@riverside.example" }?.serviceArea == "Leisure and culture")   // as the content names it
            let check = try await browser.get("/admin/audits/\(id)/officers/remove?email=dev.shah%40riverside.example")
            #expect(check.body.contains("Remove Devika Shah from the audit?"))
            #expect(try await fixture.store.officers.all(auditID: id).count == 3)                  // nothing gone before the button
            let removed = try await browser.post("/admin/audits/\(id)/officers/remove", [("email", "dev.shah@riverside.example")], csrf: page.csrf)
            #expect(removed.body.contains("Removed Devika Shah"))
        }
        #expect(try await fixture.store.officers.all(auditID: id).count == 2)
    }

    @Test func anotherOrganisationsOfficersCannotBeReachedOrChanged() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let loaded = ContentLoader(root: WebFixture.packageRoot).load()
        let other = try await fixture.store.audits.open(organisation: "Hillside Borough Council", year: 2026,
                                                files: loaded.files.map { (kind: $0.kind.rawValue, path: $0.path, data: $0.data) })
        _ = try await fixture.store.officers.import([Officer(name: "Hana Okafor", email: "hana.okafor@hillside.example", role: "dso", serviceArea: "Housing")],
                                             auditID: other.id)
        try await fixture.run { browser in
            try await CoordinatorTests().signIn(browser)
            let mine = try await browser.get("/admin/audits/\(fixture.audit.id)/officers")
            #expect(try await browser.get("/admin/audits/\(other.id)/officers").status == .notFound)
            #expect(try await browser.get("/admin/audits/\(other.id)/officers/remove?email=hana.okafor%40hillside.example").status == .notFound)
            let removal = try await browser.post("/admin/audits/\(other.id)/officers/remove", [("email", "hana.okafor@hillside.example")], csrf: mine.csrf)
            #expect(removal.status == .notFound)
            // Through my own audit's address, another audit's officer is not there either.
            let sideways = try await browser.post("/admin/audits/\(fixture.audit.id)/officers/remove", [("email", "hana.okafor@hillside.example")],
                                                  csrf: mine.csrf)
            #expect(sideways.status == .notFound)
            let upload = try await browser.upload("/admin/audits/\(other.id)/officers/upload",
                                                  file: ("file", "o.csv", Array("name,email,role,service_area\r\nX Y,x@y.example,dso,Housing\r\n".utf8)),
                                                  csrf: mine.csrf)
            #expect(upload.status == .notFound)
        }
        #expect(try await fixture.store.officers.all(auditID: other.id).map(\.email) == ["hana.okafor@hillside.example"])
    }
}
