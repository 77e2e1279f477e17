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

    @Test func eachLeadsRowSaysWhetherTheyAnswerForTheActionOrWorkWithThem() {
        var plan = ReportFixtures.plan
        plan.standards[0].objectives[0].actions[0].leads.append(Lead(name: "Ben Birch", serviceArea: "Leisure", isSupporting: true))
        let rows = PlanCSV().write(plan).components(separatedBy: "\r\n")
        let part = PlanCSV.header.firstIndex(of: "lead_part")!
        #expect(rows.first { $0.contains("Cara Cole") }?.components(separatedBy: ",")[part] == "lead")
        #expect(rows.first { $0.contains("Ben Birch") }?.components(separatedBy: ",")[part] == "with")
        // The Word and HTML plans' lead cell says the same in words.
        #expect(PlanReportText.leads(plan.standards[0].objectives[0].actions[0]) == ["Cara Cole, Housing", "with Ben Birch, Leisure"])
    }
}
