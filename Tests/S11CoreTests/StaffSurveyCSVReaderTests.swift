import Foundation
import Testing
@testable import S11Core

@Suite("Staff survey CSV imports")
struct StaffSurveyCSVReaderTests {
    let reader = StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: [StaffFixtures.likert])

    func problems(_ text: String, reader: StaffSurveyCSVReader? = nil) -> [String] {
        do {
            _ = try (reader ?? self.reader).responses(fromCSV: text, file: "staff.csv")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func s11sOwnLayout() throws {
        let responses = try reader.responses(fromCSV: """
            service-area,role,SC01,SC02,SC03,date
            housing,frontline,agree,Strongly agree,,2026-11-20
            Leisure and culture,,disagree,,,2026-11-21
            """, file: "staff.csv")
        #expect(responses == [
            StaffResponse(profile: ["service-area": "housing", "role": "frontline"], answers: ["SC01": "agree", "SC02": "strongly-agree"],
                          submittedOn: CalendarDate(iso: "2026-11-20")),
            StaffResponse(profile: ["service-area": "leisure"], answers: ["SC01": "disagree"], submittedOn: CalendarDate(iso: "2026-11-21")),
        ])
    }

    @Test func surveyMonkeyExportKeepsNothingThatIdentifiesAnyone() throws {
        // Two header rows; respondent id, collector, times, IP, e-mail and names first.
        let text = """
            Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,Which service area do you mainly work in?,How far do you agree with each statement?,,
            ,,,,,,,,,Response,I can recognise the signs that a child may be being abused or neglected.,I know who my safeguarding lead or designated safeguarding officer is and how to contact them.,"I would feel able to raise a concern about a colleague’s behaviour or practice, using the whistleblowing policy if I needed to."
            114099342,258123456,11/20/2026 10:02:11 AM,11/20/2026 10:15:03 AM,81.2.69.160,jo.bloggs@riverside.example,Jo,Bloggs,staff-list-7,Housing and homelessness,Agree,Strongly agree,Neither agree nor disagree
            114099401,258123456,11/21/2026 09:00:00 AM,11/21/2026 09:07:45 AM,81.2.69.161,sam.smith@riverside.example,Sam,Smith,,Leisure and culture,Disagree,Agree,Agree
            """
        let responses = try StaffFixtures.reader(absent: ["role"]).responses(fromCSV: text, file: "monkey.csv")
        #expect(responses.count == 2)
        #expect(responses[0] == StaffResponse(profile: ["service-area": "housing"],
                                              answers: ["SC01": "agree", "SC02": "strongly-agree", "SC03": "neutral"],
                                              submittedOn: CalendarDate(iso: "2026-11-20")))
        #expect(responses[1].answers["SC03"] == "agree")                         // matched through the curly apostrophe
        let stored = String(decoding: try JSONEncoder().encode(responses), as: UTF8.self)
        for personal in ["114099342", "258123456", "81.2.69.160", "jo.bloggs", "Bloggs", "staff-list-7", "10:15", "10:02"] {
            #expect(!stored.contains(personal), "\(personal) survived the import")
        }
    }

    @Test func microsoftFormsExportDropsItsIdentityColumns() throws {
        let text = """
            ID,Start time,Completion time,Email,Name,Last modified time,Which best describes your role?,1. I can recognise the signs that a child may be being abused or neglected,Q2 - I know who my safeguarding lead or designated safeguarding officer is and how to contact them
            1,11/20/26 10:01:02,11/20/26 10:05:09,anonymous,,,Manager,Strongly agree,Disagree
            2,2026-11-22 14:00:00,2026-11-22 14:03:00,alex.p@riverside.example,Alex Patel,,Front-line or public-facing staff,Agree,
            """
        let responses = try StaffFixtures.reader(absent: ["service-area", "SC03"]).responses(fromCSV: text, file: "forms.csv")
        #expect(responses.map(\.profile) == [["role": "manager"], ["role": "frontline"]])
        #expect(responses.map(\.answers) == [["SC01": "strongly-agree", "SC02": "disagree"], ["SC01": "agree"]])
        #expect(responses.map(\.submittedOn) == [CalendarDate(iso: "2026-11-20"), CalendarDate(iso: "2026-11-22")])
        let stored = String(decoding: try JSONEncoder().encode(responses), as: UTF8.self)
        #expect(!stored.contains("alex") && !stored.contains("Patel") && !stored.contains("14:03"))
    }

    @Test func aMappingFileNamesColumnsTheTextDoesNot() throws {
        let mapping = try StaffSurveyCSVReader.mapping(fromCSV: """
            column,maps_to
            Child signs,SC01
            Team,service-area
            Comments,ignore
            role,absent
            SC02,absent
            SC03,absent
            """, file: "map.csv", survey: StaffFixtures.survey)
        let mapped = StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: [StaffFixtures.likert], mapping: mapping)
        let responses = try mapped.responses(fromCSV: "Team,Child signs,Comments\nhousing,agree,my manager is Jo\n", file: "staff.csv")
        #expect(responses == [StaffResponse(profile: ["service-area": "housing"], answers: ["SC01": "agree"])])
        #expect(throws: DiagnosticsError.self) {
            try StaffSurveyCSVReader.mapping(fromCSV: "column,maps_to\nChild signs,SC99\n", file: "map.csv", survey: StaffFixtures.survey)
        }
    }

    @Test func badFilesAreRefusedWholeWithLinesAndColumns() {
        let found = problems("""
            service-area,SC01,Free text comments
            housing,agree,fine
            nowhere,Sometimes,
            """)
        #expect(found.contains { $0.hasPrefix("staff.csv:1:") && $0.contains("column 3 ('Free text comments') matches no statement") })
        #expect(found.contains("staff.csv:3:1: error: 'nowhere' is not an answer to 'Which service area do you mainly work in?'; use one of: Housing and homelessness, Leisure and culture"))
        #expect(found.contains { $0.hasPrefix("staff.csv:3:9: error: 'Sometimes' is not an answer to SC01") })
        #expect(problems("SC01,SC1\nagree,agree\n").isEmpty == false)           // SC1 matches nothing
        #expect(problems("SC01,sc01\nagree,agree\n").contains { $0.contains("both map to SC01") })
        #expect(problems("").contains { $0.contains("the file is empty") })
    }
}
