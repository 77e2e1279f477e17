import Testing
@testable import S11Core

@Suite("Officer list reader")
struct OfficerListReaderTests {
    let reader = OfficerListReader(survey: Fixture.survey)

    func read(_ csv: String) throws(DiagnosticsError) -> [Officer] {
        try reader.officers(fromCSV: csv, file: "officers.csv")
    }

    @Test func goodFile() throws {
        let officers = try read("""
            name,email,role,service_area
            Alice Ash,Alice.Ash@Testshire.GOV.uk,strategic-lead,Adult Social Care
            Ben Birch,ben@testshire.gov.uk,designated SAFEGUARDING officer,Children's Services
            "Cole, Cara",cara@testshire.gov.uk, MANAGER ,Housing

            """)
        #expect(officers == [
            Officer(name: "Alice Ash", email: "alice.ash@testshire.gov.uk", role: "strategic-lead", serviceArea: "Adult Social Care"),
            Officer(name: "Ben Birch", email: "ben@testshire.gov.uk", role: "dso", serviceArea: "Children's Services"),
            Officer(name: "Cole, Cara", email: "cara@testshire.gov.uk", role: "manager", serviceArea: "Housing"),
        ])
        #expect(officers.first?.email == "alice.ash@testshire.gov.uk")   // lower-cased
        #expect(officers[1].role == "dso")                                // matched by label, any case
        #expect(officers[2].role == "manager")                            // matched by id, any case, trimmed
    }

    @Test(arguments: ["name,email,role,Service Area", "Name,E-mail,ROLE,service_area", "name, email , role , serviceArea"])
    func headerSpellings(header: String) throws {
        let officers = try read("\(header)\nAlice Ash,alice@testshire.gov.uk,dso,Housing\n")
        #expect(officers.map(\.serviceArea) == ["Housing"])
    }

    /// A problem names the column as a spreadsheet shows it (letter and heading), beside the
    /// character position a text editor wants.
    @Test func aProblemNamesItsSpreadsheetColumn() {
        #expect {
            try read("service area,role,email,name\nHousing,dso,not-an-address,Dan Dale\n")
        } throws: { error in
            let location = (error as? DiagnosticsError)?.diagnostics.first?.location
            return location?.field == "C (email)" && location?.line == 2 && location?.column == 13
        }
        #expect(CSVTable.letter(0) == "A" && CSVTable.letter(25) == "Z" && CSVTable.letter(26) == "AA" && CSVTable.letter(27) == "AB")
    }

    @Test func headerColumnsMayComeInAnyOrder() throws {
        let officers = try read("service area,role,email,name\nHousing,dso,dan@testshire.gov.uk,Dan Dale\n")
        #expect(officers == [Fixture.dan])
    }

    @Test func headerMissingAColumn() throws {
        let found = diagnostics { _ = try read("name,email,role\nAlice Ash,alice@testshire.gov.uk,dso\n") }
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.message.contains("lacks column service_area"))
        #expect(diagnostic.message.contains("name,email,role,service_area"))  // says what the header must be
    }

    @Test func everyBadRowIsReportedAndNothingReturned() throws {
        let csv = """
            name,email,role,service_area
            Alice Ash,alice@testshire.gov.uk,strategic-lead,Adult Social Care
            ,ben@testshire.gov.uk,dso,Children's Services
            Cara Cole,cara-at-testshire,manager,Housing
            Dan Dale,dan@testshire.gov.uk,boss,Housing
            Alice Again,ALICE@testshire.gov.uk,dso,Housing
            Eve Elm,eve@testshire.gov.uk,dso,Children's Services
            """
        var officers: [Officer]? = nil
        let found = diagnostics { officers = try read(csv) }
        #expect(officers == nil)                                          // the whole file is refused
        #expect(found.map(\.location.line) == [3, 4, 5, 6])               // one problem per bad row, good rows silent
        #expect(found.allSatisfy { $0.location.file == "officers.csv" })
        let messages = found.map(\.message)
        #expect(messages.count == 4)
        guard messages.count == 4 else { return }
        #expect(messages[0] == "row 3: the name is empty")
        #expect(found[0].location.column == 1)
        #expect(messages[1] == "row 4: 'cara-at-testshire' is not an e-mail address")
        #expect(found[1].location.column == 11)                           // "Cara Cole," is 10 characters
        #expect(messages[2] == "row 5: unknown role 'boss'; use one of: strategic-lead, dso, manager")
        #expect(messages[3] == "row 6: 'ALICE@testshire.gov.uk' is already given on row 2")
    }

    @Test(arguments: ["alice", "alice@", "@testshire.gov.uk", "alice@testshire", "alice@.gov", "alice@gov.",
                      "a@b@c.org", "alice smith@testshire.gov.uk"])
    func notEmailAddresses(text: String) {
        #expect(!OfficerListReader.looksLikeEmail(text))
    }

    @Test func emailAddresses() {
        #expect(OfficerListReader.looksLikeEmail("alice.ash@testshire.gov.uk"))
        #expect(OfficerListReader.looksLikeEmail("a@b.c"))
    }

    @Test func aShortOrLongRowIsRefusedNotPadded() throws {
        let short = diagnostics { _ = try read("name,email,role,service_area\nAlice Ash,alice@testshire.gov.uk\n") }
        #expect(short.map(\.description) == ["officers.csv:2:11: error: " + CSVTable.fieldCountMessage(expected: 4, found: 2)])
        let long = diagnostics { _ = try read("name,email,role,service_area\nAlice Ash,alice@testshire.gov.uk,dso,,Housing\n") }
        #expect(long.map(\.description) == ["officers.csv:2:39: error: " + CSVTable.fieldCountMessage(expected: 4, found: 5)])
        let empty = diagnostics { _ = try read("name,email,role,service_area\nAlice Ash,alice@testshire.gov.uk,,\n") }
        #expect(empty.map(\.message) == ["row 2: the role is empty", "row 2: the service area is empty"])
    }

    @Test func headerOnlyIsAnError() throws {
        let found = diagnostics { _ = try read("name,email,role,service_area\n") }
        #expect(found.map(\.message) == ["no officers below the header"])
        #expect(found.first?.location.line == 2)
    }

    @Test func emptyFileIsAnError() throws {
        let found = diagnostics { _ = try read("") }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("the file is empty") == true)
    }

    /// One list of service areas: the staff survey's choice names them, and an officer is given one of its names.
    @Test func anOfficersAreaIsOneOfTheContentsServiceAreas() throws {
        var content = Fixture.content
        content.staffSurvey = StaffFixtures.survey
        let areas = ServiceAreaList(content: content)
        #expect(areas.names == ["Housing and homelessness", "Leisure and culture"])
        let listed = OfficerListReader(survey: Fixture.survey, serviceAreas: areas)
        let officers = try listed.officers(fromCSV: "name,email,role,service_area\nAl Ash,al@t.gov.uk,dso, LEISURE AND CULTURE \nBo Birch,bo@t.gov.uk,dso,housing\n",
                                           file: "officers.csv")
        #expect(officers.map(\.serviceArea) == ["Leisure and culture", "Housing and homelessness"])   // as the content names them
        do {
            _ = try listed.officers(fromCSV: "name,email,role,service_area\nAl Ash,al@t.gov.uk,dso,Parks\n", file: "officers.csv")
            Issue.record("an area the content lacks was taken")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "officers.csv:2:24: error: row 2: 'Parks' is not one of the service areas; use one of: Housing and homelessness, Leisure and culture"])
        }
        // Content with no staff survey has no list: the area is kept as typed.
        #expect(try read("name,email,role,service_area\nAl Ash,al@t.gov.uk,dso,Parks\n").map(\.serviceArea) == ["Parks"])
    }
}
