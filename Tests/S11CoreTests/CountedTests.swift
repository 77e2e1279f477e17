import S11Core
import Testing

/// Numbers as people write them: "1 officer", "2 officers", never "officer(s)".
@Suite struct CountedTests {
    @Test func oneIsSingularAndEveryOtherNumberPlural() {
        #expect(Counted(1, "officer").description == "1 officer")
        #expect(Counted(0, "officer").description == "0 officers")
        #expect(Counted(2, "anonymous answer set").description == "2 anonymous answer sets")
        #expect(Counted(3, "child", plural: "children").description == "3 children")
        #expect(Counted(1, "child", plural: "children").description == "1 child")
    }

    @Test func thousandsAreGroupedAsABoardPaperWritesThem() {
        #expect(Counted(3000, "member organisation").description == "3,000 member organisations")
        #expect(Counted(1_000_000, "answer set").description == "1,000,000 answer sets")
        #expect(Counted.figure(999) == "999")
        #expect(Counted.figure(1000) == "1,000")
        #expect(Counted.figure(12_345) == "12,345")
        #expect(Counted.figure(123_456) == "123,456")
        #expect(Counted.figure(-1250) == "-1,250")
        #expect(Counted.figure(0) == "0")
    }
}
