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
}
