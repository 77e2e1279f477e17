import S11Core
import Testing
@testable import S11Reports

@Suite struct PlanCSVTests {
    @Test func quotesAndNeutralisesFormulas() {
        #expect(PlanCSV.field("plain") == "plain")
        #expect(PlanCSV.field("a, b") == "\"a, b\"")
        #expect(PlanCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(PlanCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(PlanCSV.field("-1") == "'-1")
    }
}
