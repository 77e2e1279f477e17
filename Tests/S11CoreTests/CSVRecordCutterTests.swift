import S11Core
import Testing

/// Where a CSV file can be cut so that each part parses on its own: after a line feed outside quotes,
/// however the quotes fall across the chunks the file is read in.
@Suite struct CSVRecordCutterTests {
    func cuts(_ chunks: [String]) -> [Int?] {
        var cutter = CSVRecordCutter()
        return chunks.map { chunk in Array(chunk.utf8).withUnsafeBytes { cutter.cut($0) } }
    }

    @Test func theLastLineFeedOutsideQuotesIsTheCut() {
        #expect(cuts(["a,b\nc,d\ne"]) == [8])
        #expect(cuts(["a,b\r\nc,d\r\n"]) == [10])
        #expect(cuts(["no line end"]) == [nil])
    }

    @Test func aLineFeedInsideAQuotedFieldIsNoCut() {
        #expect(cuts(["a,\"two\nlines\"\nb,\"open\nstill"]) == [14])
        // The quote opened in one chunk is still open at the next one's line feed.
        #expect(cuts(["a,\"opened", "\nstill inside", "\"\nafter"]) == [nil, nil, 2])
        // Doubled quotes inside a quoted field leave it open.
        #expect(cuts(["a,\"say \"\"hi\"\"\nthere\"\nb"]) == [21])
    }
}
