import Foundation
import Testing
@testable import S11Core

/// Every CSV importer stores exactly what the file says or refuses it: rows whole, dates in one
/// order per file, every question's column accounted for, text in UTF-8, and a bounded list of
/// problems. Each test is a way real exports went wrong without a word before.
@Suite("Imports take a file exactly or refuse it")
struct ImportIntegrityTests {
    /// Reads a staff export and returns its answer sets, or its problems as printed.
    func staff(_ text: String, _ reader: StaffSurveyCSVReader = StaffFixtures.reader(absent: []),
               file: String = "staff.csv") -> (responses: [StaffResponse], problems: [String]) {
        do {
            return (try reader.responses(fromCSV: text, file: file), [])
        } catch {
            return ([], error.diagnostics.map(\.description))
        }
    }

    static let header = "service-area,role,SC01,SC02,SC03"

    // MARK: Rows whole or refused

    @Test func aRowWithAnExtraCellIsRefusedNotShiftedOneStatementRight() {
        let read = staff("\(Self.header)\nhousing,manager,agree,,disagree,agree\nhousing,manager,agree,agree,agree\n")
        #expect(read.responses.isEmpty)
        #expect(read.problems == ["staff.csv:2:33: error: " + CSVTable.fieldCountMessage(expected: 5, found: 6)])
    }

    @Test func rowsWithTooFewFieldsAreRefusedNotPadded() {
        let read = staff("\(Self.header)\nhousing,manager,agree,agree\nhousing\n")
        #expect(read.problems == ["staff.csv:2:23: error: " + CSVTable.fieldCountMessage(expected: 5, found: 4),
                                  "staff.csv:3:1: error: " + CSVTable.fieldCountMessage(expected: 5, found: 1)])
    }

    @Test func aFileCutOffAtAFieldBoundaryIsRefused() {
        let full = "\(Self.header)\n" + String(repeating: "housing,manager,agree,agree,disagree\n", count: 40)
        let cut = String(full.prefix(full.count / 2))
        let cutAtComma = String(cut[..<cut.lastIndex(of: ",")!])
        #expect(staff(cutAtComma).problems.count == 1)
        #expect(staff(cutAtComma).problems.first?.contains("but the header has 5") == true)
        // A last record without a line end is taken when it is whole.
        #expect(staff(String(full.dropLast())).responses.count == 40)
    }

    @Test func everyCSVImporterRefusesAChangedFieldCount() {
        func problems(_ body: () throws(DiagnosticsError) -> Void) -> [String] {
            do { try body(); return [] } catch { return error.diagnostics.map(\.description) }
        }
        let returns = problems { () throws(DiagnosticsError) in
            _ = try ReturnCSVReader(organisation: "Riverside", year: 2026).returns(fromCSV: """
                officer_email,question,option,evidence,example,reason
                ben@x.org,Q1.1,fully,Minutes,March,,
                """, file: "returns.csv")
        }
        #expect(returns == ["returns.csv:2:37: error: " + CSVTable.fieldCountMessage(expected: 6, found: 7)])
        let mapping = problems { () throws(DiagnosticsError) in
            _ = try StaffSurveyCSVReader.mapping(fromCSV: "column,maps_to\nChild signs\n", file: "map.csv", survey: StaffFixtures.survey)
        }
        #expect(mapping == ["map.csv:2:1: error: " + CSVTable.fieldCountMessage(expected: 2, found: 1)])
        let many = problems { () throws(DiagnosticsError) in
            _ = try StaffSurveyCSVReader.mapping(fromCSV: "column,maps_to\n" + String(repeating: "Child signs,SC99\n", count: 200),
                                                 file: "map.csv", survey: StaffFixtures.survey)
        }
        #expect(many.count == 51 && many.last == "map.csv:1:1: error: and 150 more problems in this file; nothing was imported")
    }

    // MARK: Dates decided per file

    /// A UK Microsoft Forms export: day first, every date ambiguous but one.
    func ukForms(decisive: Bool) -> String {
        var text = "ID,Start time,Completion time,Email,Name,Last modified time,\(Self.header)\n"
        for day in 1...12 {
            text += String(format: "%d,%02d/11/2026 10:01:02,%02d/11/2026 10:14:03,anonymous,,,housing,manager,agree,agree,agree\n", day, day, day)
        }
        if decisive { text += "13,20/11/2026 10:01:02,20/11/2026 10:14:03,anonymous,,,housing,manager,agree,agree,agree\n" }
        return text
    }

    @Test func aUKFormsExportIsReadDayFirstFromItsOneDecidingDate() {
        let read = staff(ukForms(decisive: true), file: "forms.csv")
        #expect(read.problems.isEmpty)
        let days = read.responses.compactMap(\.submittedOn)
        #expect(days.count == 13 && days.allSatisfy { $0.month == 11 })     // November, never February..December
        #expect(days.map(\.day) == Array(1...12) + [20])
    }

    @Test func aFileThatCannotDecideIsRefusedWithTheOptionToAdd() {
        let read = staff(ukForms(decisive: false), file: "forms.csv")
        #expect(read.responses.isEmpty)
        #expect(read.problems.count == 1)
        #expect(read.problems.first?.hasPrefix("forms.csv:2:23: error: every date in this file (the first is '01/11/2026 10:14:03') could be day first or month first") == true)
        #expect(read.problems.first?.contains("add --date-order dmy") == true)
        // Told the order, it reads it; the export's own convention decides for SurveyMonkey (month first).
        let told = StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: [StaffFixtures.likert], dateOrder: .dmy)
        #expect(staff(ukForms(decisive: false), told).responses.map { $0.submittedOn?.month } == Array(repeating: 11, count: 12))
        let monkey = """
            Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Which service area do you mainly work in?,Which best describes your role?,How far do you agree?,,
            ,,,,,,,,Response,Response,SC01,SC02,SC03
            1,2,11/03/2026 2:01:00 PM,11/03/2026 2:01:40 PM,192.0.2.44,,,,Housing,Manager,Agree,Agree,Agree
            """
        #expect(staff(monkey, StaffFixtures.reader(absent: [], mapping: ["How far do you agree?": "ignore"])).responses.first?.submittedOn
                == CalendarDate(iso: "2026-11-03"))
    }

    @Test func datesInNoOneOrderOrNoDateAtAllAreRefused() {
        let mixed = staff("date,\(Self.header)\n20/11/2026,housing,manager,agree,agree,agree\n11/21/2026,housing,manager,agree,agree,agree\n")
        #expect(mixed.problems.count == 1)
        #expect(mixed.problems.first?.contains("in no one order") == true)
        let given = staff("date,\(Self.header)\n20/11/2026,housing,manager,agree,agree,agree\n",
                          StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: [StaffFixtures.likert], dateOrder: .mdy))
        #expect(given.problems == ["staff.csv:2:1: error: '20/11/2026' is not a date in the order --date-order mdy gives; check the option, or the date"])
        let garbage = staff("date,\(Self.header)\nlast Tuesday,housing,manager,agree,agree,agree\n")
        #expect(garbage.problems.first?.hasPrefix("staff.csv:2:1: error: 'last Tuesday' is not a date") == true)
    }

    // MARK: Every column accounted for

    @Test func aQuestionWithoutAColumnIsAnErrorUnlessTheMappingSaysAbsent() {
        let missing = staff("service-area,SC01,SC02,SC03\nhousing,agree,agree,agree\n")
        #expect(missing.problems == [
            "staff.csv:1:1: error: the profile question role ('Which best describes your role?') has no column in this file; map its column's heading to role in a mapping file, or, if the export really left it out, add the line \"role,absent\" to the mapping file and pass --mapping FILE",
        ])
        let noArea = staff("role,SC01,SC02,SC03\nmanager,agree,agree,agree\n")
        #expect(noArea.problems.first?.contains("service-area") == true)
        #expect(staff("service-area,SC01,SC02,SC03\nhousing,agree,agree,agree\n", StaffFixtures.reader(absent: ["role"])).responses.count == 1)
        #expect(staff("service-area,SC01,SC02,SC03\nhousing,agree,agree,agree\n",
                      StaffFixtures.reader(absent: [], mapping: ["role": "ignore"])).responses.count == 1)
    }

    @Test func anUnknownColumnIsAnErrorUnlessMappedIgnore() {
        let comments = staff("\(Self.header),Any other comments?\nhousing,manager,agree,agree,agree,more training please\n")
        #expect(comments.problems.count == 1)
        #expect(comments.problems.first?.contains("column 6 ('Any other comments?') matches no statement") == true)
        #expect(staff("\(Self.header),Any other comments?\nhousing,manager,agree,agree,agree,more training please\n",
                      StaffFixtures.reader(absent: [], mapping: ["Any other comments?": "ignore"])).responses.count == 1)
    }

    // MARK: Encodings

    @Test func utf16AndWindows1252AreRefusedInExactlyOneLine() {
        let text = "\(Self.header)\n" + String(repeating: "Leisure and culture,Manager,Agree,Agree,Disagree\n", count: 37)
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let bytes = mark + Array(text.data(using: encoding)!)
            #expect(Self.importing(bytes) == ["staff.csv:1:1: error: \(CSVText.utf16)"])
            #expect(throws: DiagnosticsError.self) { _ = try CSVText.utf8(Data(bytes), file: "staff.csv") }
        }
        let latin = Array("\(Self.header)\nhousing,manager,agree,agree,agree\n".utf8)
            + Array("housing,manager,agr".utf8) + [0xE9, 0xE9] + Array(",agree,agree\n".utf8)
            + Array(repeating: Array("housing,manager,d\u{E9}sagree,agree,agree\n".utf8).map { $0 == 0xC3 ? 0xE9 : $0 }, count: 40).flatMap { $0 }
        #expect(Self.importing(latin) == ["staff.csv:3:17: error: \(CSVText.notUTF8)"])
        do throws(DiagnosticsError) {
            _ = try CSVText.utf8(Data([0x61, 0x0A, 0x62, 0xE9, 0x0A]), file: "officers.csv")
            Issue.record("Windows-1252 was read")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["officers.csv:2:2: error: \(CSVText.notUTF8)"])
        }
    }

    /// The problems of a staff import fed raw bytes.
    static func importing(_ bytes: [UInt8]) -> [String] {
        let reader = StaffFixtures.reader(absent: [])
        var reading = StaffCSVImport(reader: reader, codebook: StaffCodebook(survey: StaffFixtures.survey, scales: [StaffFixtures.likert]),
                                     file: "staff.csv")
        do {
            try bytes.withUnsafeBytes { try reading.feed($0) }
            try reading.finish()
        } catch {
            return ["stopped: \(error)"]
        }
        return reading.problems.map(\.description)
    }

    // MARK: Bounded errors

    @Test func fiftyThousandBadRowsPrintFiftyLinesAndACount() {
        let text = "\(Self.header)\n" + String(repeating: "housing,manager,maybe,agree,agree\n", count: 50_000)
        let read = staff(text)
        #expect(read.problems.count == 51)
        #expect(read.problems.last == "staff.csv:1:1: error: and 49950 more problems in this file; nothing was imported")
        // The same bound for any list of problems, per file, whoever made it.
        let many = DiagnosticsError((0..<120).map { Diagnostic(SourceLocation(file: $0 < 100 ? "a.xml" : "b.xml", line: $0 + 1, column: 1), "bad") })
        #expect(many.boundedPerFile.count == 50 + 1 + 20)
        #expect(many.boundedPerFile[50].description == "a.xml:1:1: error: and 50 more problems in this file; nothing was imported")
    }
}
