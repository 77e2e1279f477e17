import Testing
@testable import S11Core

@Suite("CSV reader")
struct CSVReaderTests {
    let reader = CSVReader(file: "people.csv")

    func texts(_ csv: String) throws -> [[String]] {
        try reader.records(in: csv).map { $0.fields.map(\.text) }
    }

    @Test func plainFieldsAndTrailingNewline() throws {
        #expect(try texts("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try texts("a,b\n1,2") == [["a", "b"], ["1", "2"]])          // no final newline
        #expect(try texts("a,,c\n") == [["a", "", "c"]])                     // empty middle field
    }

    @Test func quotedFieldKeepsItsCommas() throws {
        #expect(try texts("name,area\n\"Ash, Alice\",Housing\n") == [["name", "area"], ["Ash, Alice", "Housing"]])
    }

    @Test func doubledQuotesAreOneQuote() throws {
        #expect(try texts("\"She said \"\"yes\"\"\",x\n") == [["She said \"yes\"", "x"]])
        #expect(try texts("\"\",x\n") == [["", "x"]])                        // an empty quoted field
        // `"a""b",c`: the doubled quote takes two columns, so c is at column 8.
        #expect(try reader.records(in: "\"a\"\"b\",c\n").first?.fields.map(\.column) == [1, 8])
    }

    @Test func fieldPositions() throws {
        // "a,b" is 5 characters, then the comma: the next field starts at column 7.
        let records = try reader.records(in: "\"a,b\",c\nd,e\n")
        let fields = try #require(records.first?.fields)
        #expect(fields.map(\.column) == [1, 7])
        #expect(records.map(\.line) == [1, 2])
        #expect(records.last?.fields.map(\.column) == [1, 3])
    }

    @Test func newlineInsideQuotes() throws {
        // Line 1: x,"first   Line 2: second",after   Line 3: next,row
        let records = try reader.records(in: "x,\"first\nsecond\",after\nnext,row\n")
        #expect(records.count == 2)
        let first = try #require(records.first)
        #expect(first.line == 1)
        #expect(first.fields.map(\.text) == ["x", "first\nsecond", "after"])
        // The quoted field starts at line 1 column 3; `after` follows `second",` on line 2: column 9.
        #expect(first.fields.map(\.line) == [1, 1, 2])
        #expect(first.fields.map(\.column) == [1, 3, 9])
        #expect(records.last?.line == 3)
        #expect(records.last?.fields.first?.line == 3)
    }

    @Test func crlfLineEnds() throws {
        let records = try reader.records(in: "a,b\r\n1,2\r\n3,4\r\n")
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 2, 3])                         // CRLF is one line end, not two
    }

    @Test func loneCarriageReturnEndsALine() throws {
        #expect(try texts("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
    }

    @Test func loneCarriageReturnInsideQuotesCountsAsALine() throws {
        // With CR line ends, `x,"a<CR>b"<CR>y,z<CR>` is three lines: y,z starts on line 3,
        // just as it does with LF (see newlineInsideQuotes) or CRLF line ends.
        let records = try reader.records(in: "x,\"a\rb\"\ry,z\r")
        #expect(records.map { $0.fields.map(\.text) } == [["x", "a\rb"], ["y", "z"]])
        #expect(records.last?.line == 3)
        #expect(records.last?.fields.last?.line == 3)
    }

    @Test func byteOrderMarkIsStripped() throws {
        let records = try reader.records(in: "\u{FEFF}name,email\nA,a@x.org\n")
        #expect(records.first?.fields.first?.text == "name")              // not "\u{FEFF}name"
        #expect(records.first?.fields.first?.column == 1)
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try reader.records(in: "a,b\n\n  \n1,2\n\n")
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [1, 4])                           // line numbers still count the blanks
    }

    @Test func emptyTextHasNoRecords() throws {
        #expect(try texts("").isEmpty)
        #expect(try texts("\n\n").isEmpty)
    }

    @Test func unterminatedQuoteIsAnError() throws {
        // The quoted field opens at line 2, column 3.
        let found = diagnostics { _ = try reader.records(in: "a,b\nx,\"never closed\ny,z\n") }
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == S11Core.SourceLocation(file: "people.csv", line: 2, column: 3))
        #expect(diagnostic.message.contains("never closed"))
        #expect(diagnostic.description.hasPrefix("people.csv:2:3: error:"))
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        // `"ab"c`: the stray c is line 2, column 5.
        let found = diagnostics { _ = try reader.records(in: "h\n\"ab\"c\n") }
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 5)
        #expect(diagnostic.message.contains("text after a closing quote"))
    }

    @Test func quoteInsideAnUnquotedFieldIsKept() throws {
        #expect(try texts("5\" disk,x\n") == [["5\" disk", "x"]])
    }

    @Test func blankRecordMeansOnlyWhitespace() throws {
        #expect(try reader.records(in: " , \n").isEmpty)
        #expect(try reader.records(in: " ,x\n").count == 1)
    }
}
