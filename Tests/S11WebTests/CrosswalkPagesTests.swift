import Foundation
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// Submit once, report to several boards: an organisation under two boards answers its own
/// board's catalogue once; the second board, on another catalogue, reads that return through the
/// crosswalk in Standards/, with every mapping shown and what nothing answers listed.
@Suite struct CrosswalkPagesTests {
    static let pan = WebFixture.packageRoot.appendingPathComponent("Tests/Fixtures/pan-cheshire")

    /// Standards/ and Surveys/ for two boards: Oxfordshire's joint content, the Pan-Cheshire one,
    /// and (unless left out) the crosswalk between them.
    static func twoBoards(crosswalk: Bool = true) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("s11-two-boards-\(UUID().uuidString)")
        let files = FileManager.default
        for folder in ["Standards", "Surveys"] {
            try files.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            for name in try files.contentsOfDirectory(atPath: WebFixture.packageRoot.appendingPathComponent(folder).path) {
                try files.copyItem(at: WebFixture.packageRoot.appendingPathComponent("\(folder)/\(name)"), to: root.appendingPathComponent("\(folder)/\(name)"))
            }
            for name in try files.contentsOfDirectory(atPath: pan.appendingPathComponent(folder).path) {
                try files.copyItem(at: pan.appendingPathComponent("\(folder)/\(name)"), to: root.appendingPathComponent("\(folder)/pan-cheshire-\(name)"))
            }
        }
        if crosswalk {
            try files.copyItem(at: WebFixture.packageRoot.appendingPathComponent("Tests/Fixtures/crosswalk/Standards/crosswalk-joint-to-pan-cheshire.xml"),
                               to: root.appendingPathComponent("Standards/crosswalk-joint-to-pan-cheshire.xml"))
        }
        return root
    }

    func run<T: Sendable>(_ fixture: WebFixture, root: URL, mail: String, _ body: @Sendable (Browser) async throws -> T) async throws -> T {
        let settings = AppSettings(baseURL: "https://s11.board.example", mailFolder: mail, contentRoot: root)
        let app = try await WebApp(app: S11App(store: fixture.store, settings: settings))
        return try await body(Browser(client: RouterClient(app: app)))
    }

    static let cheshireMembers = """
        organisation,sector,lead_name,lead_email
        Thames Valley Police,Police,Sam Reed,sam.reed@tvp.example
        Cheshire Fire and Rescue,Fire,Lee Moss,lee.moss@cheshirefire.example
        """

    @Test func aSecondBoardReadsTheOneReturnThroughTheCrosswalk() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let root = try Self.twoBoards()
        let mail = FileManager.default.temporaryDirectory.appendingPathComponent("s11-crosswalk-\(UUID().uuidString)").path
        let rounds = fixture.app.rounds
        // The police answer Oxfordshire's joint catalogue once and submit it to that board.
        let oxford = try await rounds.open(board: "Oxfordshire Safeguarding Children Partnership", year: 2027, deadline: CalendarDate(iso: "2027-03-31")!,
                                           root: root, surveyID: "self-assessment", membersCSV: RoundPagesTests.members, file: "members.csv", by: "board")
        try await RoundPagesTests().submitWithStaff(fixture, "Thames Valley Police", officer: "kim.ng@tvp.example", staff: [true, true, true, true, true])
        let police = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027)

        let cheshire: Int64 = try await run(fixture, root: root, mail: mail) { browser in
            try await CoordinatorTests().signInAsBoard(browser, fixture)
            let list = try await browser.get("/admin/rounds")
            #expect(list.body.contains("<select id=\"survey\" name=\"survey\""))                // two self-assessments: the board chooses its own
            let opened = try await browser.upload("/admin/rounds", file: ("file", "members.csv", Array(Self.cheshireMembers.utf8)),
                                                  fields: [("board", "Cheshire West Safeguarding Adults Board"), ("year", "2027"),
                                                           ("deadline", "2027-04-30"), ("survey", "pan-cheshire-return")], csrf: list.csrf)
            let id = try #require(opened.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let page = try await browser.get("/admin/rounds/\(id)")
            #expect(page.body.contains("href=\"/admin/rounds/\(id)/readings/\(police.id)\""))
            #expect(try await browser.get("/admin/rounds/\(id)/readings/\(police.id)/plan/docx").status == .notFound)   // no plan drafted yet
            #expect(page.body.contains("Submitted to the board") || page.body.contains("submitted to the board"))   // submitted once, to its own board
            #expect(!page.body.contains("name=\"audit\" value=\"\(police.id)\""))             // this board cannot give back what the other holds
            // Its heatmap row is in this board's terms.
            #expect(page.body.contains("aria-describedby=\"title-PC1\">PC1 Leadership</span><span class=\"tip\" role=\"tooltip\" id=\"title-PC1\">PC1 Leadership and accountability</span>"))

            let reading = try await browser.get("/admin/rounds/\(id)/readings/\(police.id)")
            #expect(reading.status == .ok)
            #expect(reading.body.contains("PC1.1 <span class=\"hint\">A senior lead is accountable"))
            #expect(reading.body.contains("33.3% Red"))                                        // read from S2.1 (33.3%), Red below 34%
            #expect(reading.body.contains("S2.1: 33.3% Red <span class=\"hint\">(policy approved at senior level)</span>"))
            #expect(reading.body.contains("S1.1: unrated"))                                    // every mapping is shown
            #expect(reading.body.contains("nothing maps onto it"))                             // PC1.2
            let notAnswered = try #require(reading.body.components(separatedBy: "<h2>Not answered</h2>").last)
            #expect(notAnswered.contains("PC1.2 Safeguarding responsibilities") && notAnswered.contains("PC2.1 Staff are trained"))
            #expect(!notAnswered.contains("PC1.1"))

            // This board moderates in its own terms: PC1.1 scored 2 (66.7%, still Amber below Pan-Cheshire's 67%).
            let unexplained = try await browser.post("/admin/rounds/\(id)/readings/\(police.id)/moderate",
                                                     [("scope", "requirement:PC1.1"), ("score", "score-2")], csrf: reading.csrf)
            #expect(unexplained.status == .unprocessableContent && unexplained.body.contains("Say why, for requirement PC1.1"))
            let foreign = try await browser.post("/admin/rounds/\(id)/readings/\(police.id)/moderate",
                                                 [("scope", "requirement:S2.1"), ("rating", "green"), ("reason", "x")], csrf: reading.csrf)
            #expect(foreign.status == .unprocessableContent)                                  // S2.1 is the other board's catalogue
            let moderated = try await browser.post("/admin/rounds/\(id)/readings/\(police.id)/moderate",
                                                   [("scope", "requirement:PC1.1"), ("score", "score-2"), ("reason", "Board minutes seen")], csrf: reading.csrf)
            #expect(moderated.status == .seeOther)
            #expect(try await browser.get("/admin/rounds/\(id)/readings/\(police.id)").body.contains("33.3% Red (moderated Amber)"))
            #expect(try await browser.get("/admin/rounds/\(id)").body.contains("title=\"moderated 66.7% Amber; self-assessed 33.3% Red\""))   // PC1.2 and PC2 unanswered

            // This board drafts its own plan for the police, in its terms: PC1.1, moderated to Amber, is its one objective.
            let drafted = try await browser.post("/admin/rounds/\(id)/readings/\(police.id)/plan", [], csrf: reading.csrf)
            #expect(drafted.status == .seeOther)
            let withPlan = try await browser.get("/admin/rounds/\(id)/readings/\(police.id)")
            #expect(withPlan.body.contains("1 objective,") && withPlan.body.contains("Draft it again"))
            let planXML = try await browser.get("/admin/rounds/\(id)/readings/\(police.id)/plan/xml")
            #expect(planXML.status == .ok && planXML.body.contains("requirement=\"PC1.1\"") && !planXML.body.contains("\"S2.1\""))
            #expect(try await browser.get("/admin/rounds/\(id)/readings/\(police.id)/plan/docx").status == .ok)
            #expect(try await browser.get("/admin/rounds/\(id)/readings/\(police.id)/plan/csv").status == .notFound)

            // A member that answers this board's catalogue has no reading page; this board cannot give back the police's return.
            let fire = try await fixture.store.audits.named(organisation: "Cheshire Fire and Rescue", year: 2027)
            #expect(try await browser.get("/admin/rounds/\(id)/readings/\(fire.id)").status == .notFound)
            #expect(try await browser.post("/admin/rounds/\(id)/readings/\(fire.id)/moderate",
                                           [("scope", "requirement:PC1.1"), ("rating", "red"), ("reason", "x")], csrf: reading.csrf).status == .notFound)
            let back = try await browser.post("/admin/rounds/\(id)/return", [("audit", "\(police.id)"), ("reason", "x")], csrf: page.csrf)
            #expect(back.status == .unprocessableContent && back.body.contains("does not hold"))
            return id
        }
        // The police's own board's ratings and plan are untouched by the second board's moderation and plan.
        #expect(try await fixture.store.moderation.ratings(auditID: police.id).isEmpty)
        #expect(try await fixture.store.plans.find(organisation: "Thames Valley Police", year: 2027) == nil)
        let boardPlan = try #require(try await fixture.store.readings.plan(roundID: cheshire, auditID: police.id))
        #expect(boardPlan.objectives.map(\.requirementID) == ["PC1.1"] && boardPlan.organisation == "Thames Valley Police")
        // One audit for the police, still held by its own board; the fire service got its own, on Pan-Cheshire's catalogue.
        #expect(try await fixture.store.audits.all().filter { $0.organisation == "Thames Valley Police" }.count == 1)
        #expect(try await fixture.store.rounds.membership(auditID: police.id)?.round.id == oxford.round.id)
        #expect(try await fixture.store.rounds.membership(auditID: police.id)?.member.submittedAt != nil)
        // Only the fire service's lead was invited by the second board.
        let invited = try FileManager.default.contentsOfDirectory(atPath: "\(mail)/round-\(cheshire)")
        #expect(invited == ["lee.moss_cheshirefire.example.eml"])
        // The second board's round XML carries the police in its own terms.
        let progress = try await rounds.progress(roundID: cheshire, today: CalendarDate(iso: "2027-05-01")!)
        let xml = String(decoding: try await rounds.xml(progress), as: UTF8.self)
        #expect(xml.contains("<standard ref=\"PC1\"") && !xml.contains("ref=\"S2.1\""))
    }

    @Test func withoutACrosswalkTheSecondBoardIsToldWhatIsMissingAndNothingOpens() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let root = try Self.twoBoards(crosswalk: false)
        let rounds = fixture.app.rounds
        _ = try await rounds.open(board: "Oxfordshire Safeguarding Children Partnership", year: 2027, deadline: CalendarDate(iso: "2027-03-31")!,
                                  root: root, surveyID: "self-assessment", membersCSV: RoundPagesTests.members, file: "members.csv", by: "board")
        await #expect {
            try await rounds.open(board: "Cheshire West Safeguarding Adults Board", year: 2027, deadline: CalendarDate(iso: "2027-04-30")!, root: root,
                                  surveyID: "pan-cheshire-return", membersCSV: Self.cheshireMembers, file: "members.csv", by: "board")
        } throws: { ($0 as? ApplicationError)?.message.contains("no crosswalk from 'oscb-osab-joint' to 'pan-cheshire'") == true }
        #expect(try await fixture.store.rounds.all().count == 1)
        #expect(try await fixture.store.audits.all().contains { $0.organisation == "Cheshire Fire and Rescue" } == false)
    }

    @Test func aReturnItsOwnBoardDoesNotHoldGivesNothingToPlanFrom() async throws {
        let fixture = try await CoordinatorTests().fixtureWithCoordinator()
        let root = try Self.twoBoards()
        let rounds = fixture.app.rounds
        _ = try await rounds.open(board: "Oxfordshire Safeguarding Children Partnership", year: 2027, deadline: CalendarDate(iso: "2027-03-31")!,
                                  root: root, surveyID: "self-assessment", membersCSV: RoundPagesTests.members, file: "members.csv", by: "board")
        let cheshire = try await rounds.open(board: "Cheshire West Safeguarding Adults Board", year: 2027, deadline: CalendarDate(iso: "2027-04-30")!,
                                             root: root, surveyID: "pan-cheshire-return", membersCSV: Self.cheshireMembers, file: "members.csv", by: "board")
        let police = try await fixture.store.audits.named(organisation: "Thames Valley Police", year: 2027)
        let progress = try await rounds.progress(roundID: cheshire.round.id, today: CalendarDate(iso: "2027-05-01")!)
        #expect(try await rounds.reading(progress, auditID: police.id).reading == nil)                // not submitted to its own board
        await #expect { try await rounds.draftReadingPlan(progress, auditID: police.id, author: "board") }
            throws: { ($0 as? ApplicationError)?.message.contains("own board does not hold its self-assessment yet") == true }
        let fire = try await fixture.store.audits.named(organisation: "Cheshire Fire and Rescue", year: 2027)
        await #expect { try await rounds.draftReadingPlan(progress, auditID: fire.id, author: "board") }
            throws: { ($0 as? ApplicationError)?.message.contains("does not read that organisation through a crosswalk") == true }
        #expect(try await fixture.store.readings.plan(roundID: cheshire.round.id, auditID: police.id) == nil)
    }
}
