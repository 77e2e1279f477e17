import Testing
@testable import S11Core

/// The chunked path a large staff export takes: the parser, the packed codes and the tally must
/// give what reading the whole file at once gives, wherever the chunks happen to split it.
@Suite("Staff answers read in chunks, packed and counted")
struct StaffStreamingTests {
    /// Every record of `text` when it arrives `size` bytes at a time.
    func records(_ text: String, chunk size: Int) throws -> [[String]] {
        var parser = CSVParser(file: "staff.csv")
        let bytes = Array(text.utf8)
        var records: [CSVParser.Record] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + size, bytes.count)
            try bytes[start..<end].withUnsafeBytes { try parser.feed($0) }
            records += parser.takeRecords()
            start = end
        }
        try parser.finish()
        records += parser.takeRecords()
        return records.map { record in record.fields.map { String(decoding: record.slice($0), as: UTF8.self) } }
    }

    @Test func chunkBoundariesChangeNothing() throws {
        // A byte-order mark, CRLF and lone CR line ends, doubled quotes, a quoted line break and
        // a two-byte letter: every split point of every chunk size must read the same.
        let text = "\u{FEFF}a,\"b \"\"q\"\"\"\r\n\"line\r\nbreak\",Zoë\rlast,\"\"\r\n"
        let whole = try records(text, chunk: text.utf8.count)
        #expect(whole == [["a", "b \"q\""], ["line\r\nbreak", "Zoë"], ["last", ""]])
        for size in 1...8 { #expect(try records(text, chunk: size) == whole, "chunks of \(size) bytes") }
    }

    @Test func positionsCountCharactersNotBytes() throws {
        var parser = CSVParser(file: "staff.csv")
        try parser.feed("Zoë,é,x\n")
        try parser.finish()
        #expect(parser.takeRecords().first?.fields.map(\.column) == [1, 5, 7])
    }

    @Test func codesRoundTripAndOnlyEverGrowAtTheEnd() throws {
        var codebook = StaffCodebook(survey: StaffFixtures.survey, scales: [StaffFixtures.likert])
        let response = StaffResponse(profile: ["service-area": "leisure", "role": "manager"],
                                     answers: ["SC01": "agree", "SC03": "strongly-disagree"])
        let codes = try codebook.pack(response)
        #expect(codes.count == 5)                                  // 2 profile choices + 3 statements
        #expect(codebook.unpack(codes, submittedOn: nil) == response)

        // A value and a question nobody knew are added at the end; earlier codes mean the same.
        let before = codebook
        let odd = StaffResponse(profile: ["team": "night"], answers: ["SC01": "not-sure"])
        let oddCodes = try codebook.pack(odd)
        #expect(codebook.questions.prefix(5).map(\.id) == before.questions.map(\.id))
        #expect(codebook.unpack(codes, submittedOn: nil) == response)
        #expect(codebook.unpack(oddCodes, submittedOn: nil) == odd)
        #expect(codebook.code(of: "not-sure", question: "SC01") == 6)

        var crowded = StaffCodebook()
        for index in 0..<StaffCodebook.maximumValues {
            _ = try crowded.pack(StaffResponse(profile: [:], answers: ["SC01": "v\(index)"]))
        }
        #expect(throws: StaffCodebookFull.self) { try crowded.pack(StaffResponse(profile: [:], answers: ["SC01": "one more"])) }
    }

    @Test func theTallyGivesTheSameResultsAsTheAnswersThemselves() throws {
        var responses: [StaffResponse] = []
        for index in 0..<40 {
            responses.append(StaffResponse(profile: ["service-area": index % 3 == 0 ? "housing" : "leisure", "role": "manager"],
                                           answers: ["SC01": index % 4 == 0 ? "disagree" : "agree",
                                                     "SC02": index % 2 == 0 ? "strongly-agree" : "neutral"]))
        }
        let calculator = StaffResultsCalculator(survey: StaffFixtures.survey, scales: [StaffFixtures.likert])
        let results = calculator.results(responses)
        #expect(results.respondents == 40)
        #expect(results.statement("SC01")?.overall.agreeing == Proportion(count: 30, total: 40))
        #expect(results.statement("SC02")?.overall.agreeing == Proportion(count: 20, total: 40))
        #expect(results.statement("SC03")?.overall.agreeing == Proportion(count: 0, total: 0))
        // Housing: indexes 0, 3, ..., 39 (14 people); SC01 disagree at 0, 12, 24, 36.
        #expect(results.statement("SC01")?.byServiceArea["housing"]?.agreeing == Proportion(count: 10, total: 14))
        #expect(results.serviceAreas.map(\.respondents) == [14, 26])

        // Packed in another order (a stored codebook that grew differently) and counted: the same.
        var codebook = StaffCodebook()
        let packed = try responses.reversed().map { try codebook.pack($0) }
        var tally = StaffTally(survey: StaffFixtures.survey, scales: [StaffFixtures.likert], codebook: codebook)
        for codes in packed { tally.add(codes) }
        #expect(calculator.results(tally) == results)
    }

    @Test func aChunkedImportReadsWhatAWholeReadReads() throws {
        let reader = StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: [StaffFixtures.likert])
        var csv = "service-area,role,SC01,SC02,SC03,date\r\n"
        for index in 0..<300 {
            let answer = ["Agree", "STRONGLY AGREE", " disagree ", "", "Neither agree nor disagree"][index % 5]
            csv += "\(index % 2 == 0 ? "housing" : "Leisure and culture"),manager,\(answer),agree,\"Disagree\",2026-11-\(10 + index % 9) 09:00\r\n"
        }
        let whole = try reader.responses(fromCSV: csv, file: "staff.csv")
        #expect(whole.count == 300)
        #expect(whole[1].answers["SC01"] == "strongly-agree" && whole[1].profile["service-area"] == "leisure")
        #expect(whole[3].answers["SC01"] == nil && whole[3].submittedOn == CalendarDate(iso: "2026-11-13"))

        let codebook = StaffCodebook(survey: StaffFixtures.survey, scales: [StaffFixtures.likert])
        var reading = StaffCSVImport(reader: reader, codebook: codebook, file: "staff.csv")
        var rows: [StaffCSVImport.Row] = []
        let bytes = Array(csv.utf8)
        for start in stride(from: 0, to: bytes.count, by: 97) {
            try bytes[start..<min(start + 97, bytes.count)].withUnsafeBytes { try reading.feed($0) }
            rows += reading.takeRows()
        }
        try reading.finish()
        rows += reading.takeRows()
        #expect(reading.problems.isEmpty && reading.count == 300)
        #expect(rows.map { codebook.unpack($0.codes, submittedOn: $0.day?.day(in: reading.dateOrder)) } == whole)
    }

    @Test func answersThatAreNotPlainASCIIStillMatchOrAreReported() throws {
        let reader = StaffFixtures.reader(absent: ["service-area", "role", "SC03"])
        // A no-break space around an answer is trimmed like any space; an unknown answer is named.
        let read = try reader.responses(fromCSV: "SC01,SC02\n\u{00A0}Agree\u{00A0},agree\n", file: "staff.csv")
        #expect(read.first?.answers == ["SC01": "agree", "SC02": "agree"])
        #expect(throws: DiagnosticsError.self) { try reader.responses(fromCSV: "SC01\nAgreé\n", file: "staff.csv") }
        do {
            _ = try reader.responses(fromCSV: "SC01\nAgreé\n", file: "staff.csv")
        } catch {
            #expect(error.description.contains("staff.csv:2:1: error: 'Agreé' is not an answer to SC01"))
        }
    }

    @Test func bytesThatAreNotUTF8AreReportedWhereTheyAre() throws {
        let reader = StaffSurveyCSVReader(survey: StaffFixtures.survey, scales: [StaffFixtures.likert])
        var reading = StaffCSVImport(reader: reader, codebook: StaffCodebook(survey: StaffFixtures.survey, scales: [StaffFixtures.likert]),
                                     file: "staff.csv")
        let bytes: [UInt8] = Array("SC01,SC02\nagree,".utf8) + [0x41, 0xE9, 0x0A]          // "Aé" in Latin-1
        try bytes.withUnsafeBytes { try reading.feed($0) }
        try reading.finish()
        #expect(reading.problems.map(\.description) == ["staff.csv:2:7: error: \(CSVText.notUTF8)"])
    }
}
