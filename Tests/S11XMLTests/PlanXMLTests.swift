import Foundation
import Testing
@testable import S11XML
import S11Core

@Suite struct PlanXMLTests {
    static func samplePlan() -> Plan {
        let start = CalendarDate(year: 2027, month: 1, day: 1)!
        let lead = Lead(name: "Asha Patel & Co <Housing>", role: "dso", serviceArea: "Housing")
        return Plan(
            organisation: "Riverside District Council",
            title: "Safeguarding Action Plan January 2027 - December 2027",
            auditYear: 2026, periodStart: start, periodEnd: CalendarDate(year: 2027, month: 12, day: 31)!,
            documentControl: DocumentControl(
                owner: "Sam O'Neill", author: "Sam O'Neill", version: "0.1",
                lastReviewed: CalendarDate(year: 2026, month: 11, day: 23)!,
                nextReviewDue: CalendarDate(year: 2027, month: 5, day: 23)!,
                history: [Revision(version: "0.1", date: CalendarDate(year: 2026, month: 11, day: 23)!, author: "Sam O'Neill",
                                   note: "Drafted \"from\" the audit")]),
            results: PlanResults(catalogueID: "oscb-osab-joint", catalogueVersion: "2026.1", returns: 7,
                                 overall: Rating(percent: 71.4, rag: .amber),
                                 standards: [StandardResult(standardID: "S1", title: "Leadership", rating: Rating(percent: 100, rag: .blue), gaps: 0),
                                             StandardResult(standardID: "S2", title: "Policies", rating: .unrated, gaps: 1)]),
            standards: [PlanStandard(standardID: "S2", title: "Policies", objectives: [
                Objective(id: "O1", requirementID: "S2.1", title: "Policy stays current", finding: "Partially met: Housing.",
                          actions: [PlanAction(id: "A1.1", status: .amber, input: "Review <policy> & publish", outcome: "Staff can find it",
                                               measure: "Intranet hits", leads: [lead, Lead(name: "Ben Birch", serviceArea: "Leisure", isSupporting: true)],
                                               due: CalendarDate(year: 2027, month: 6, day: 30)!,
                                               progress: "Draft with legal"),
                                    PlanAction(id: "A1.2", input: "Brief staff", outcome: "Known", measure: "Survey",
                                               leads: [Lead(name: "Strategic safeguarding lead", role: "strategic-lead")],
                                               due: CalendarDate(year: 2027, month: 6, day: 30)!)])])])
    }

    @Test func aCarriedDateWorkedOutFromWordsIsMarkedAndReadBack() throws {
        var plan = Self.samplePlan()
        plan.standards[0].objectives[0].actions[1].carried = CarriedFrom(plan: "Safeguarding Action Plan 2026", actionID: "A4.2",
                                                                           originalDue: CalendarDate(year: 2026, month: 10, day: 31)!, dueWorkedOut: true)
        let xml = try PlanXML().write(plan)                                    // valid against plan.xsd, or this throws
        #expect(String(decoding: xml, as: UTF8.self).contains("originalDue=\"2026-10-31\" originalDueWorkedOut=\"true\""))
        #expect(try PlanXML().read(data: xml, file: "plan.xml") == plan)
    }

    @Test func exportImportExportGivesTheSameBytes() throws {
        let first = try PlanXML().write(Self.samplePlan())
        // The one who answers for the action, and one named with them.
        #expect(String(decoding: first, as: UTF8.self).contains("<lead name=\"Ben Birch\" serviceArea=\"Leisure\" supporting=\"true\"/>"))
        let read = try PlanXML().read(data: first, file: "plan.xml")
        #expect(read == Self.samplePlan())
        let second = try PlanXML().write(read)
        #expect(first == second)
    }

    /// An objective from another source, with its own history and actions added, removed and
    /// merged, is written valid and read back exactly.
    @Test func editedObjectivesAndTheirSourcesRoundTrip() throws {
        let updater = PlanUpdater(by: "Sam O'Neill", at: "2027-03-01T10:15:00Z")
        let action = PlanUpdater.NewAction(input: "Brief every DSO on the review", outcome: "Learning applied", measure: "Briefing notes",
                                           lead: "Asha Patel", due: CalendarDate(year: 2027, month: 9, day: 30)!, timescale: "By September")
        var plan = try updater.addObjective(Self.samplePlan(), standardID: "S1", title: "Learning from the Child T review", finding: nil,
                                            source: "Serious case review learning point", action: action)
        plan = try updater.editObjective(plan, objectiveID: "O1", title: "The policy stays current", finding: nil)
        plan = try updater.mergeAction(plan, actionID: "A1.2", into: "A1.1")
        let first = try PlanXML().write(plan)
        #expect(String(decoding: first, as: UTF8.self).contains("source=\"Serious case review learning point\""))
        let read = try PlanXML().read(data: first, file: "plan.xml")
        #expect(read == plan)
        #expect(read.standards.map(\.standardID) == ["S1", "S2"])                    // in the audit's order
        #expect(try PlanXML().write(read) == first)
    }

    /// The appendix of gaps kept under review is written valid and read back exactly.
    @Test func areasKeptUnderReviewRoundTrip() throws {
        var plan = Self.samplePlan()
        plan.underReview = [ReviewArea(standardID: "S1", standardTitle: "Leadership", requirementID: "S1.3", title: "Lead member named",
                                       finding: "Partially met: Housing & <Leisure>.")]
        let first = try PlanXML().write(plan)
        #expect(String(decoding: first, as: UTF8.self).contains("<finding>Partially met: Housing &amp; &lt;Leisure&gt;.</finding>"))
        let read = try PlanXML().read(data: first, file: "plan.xml")
        #expect(read.underReview == plan.underReview)
        #expect(try PlanXML().write(read) == first)
    }

    @Test func textIsEscapedNotInjected() throws {
        let text = String(decoding: try PlanXML().write(Self.samplePlan()), as: UTF8.self)
        #expect(text.contains("Review &lt;policy&gt; &amp; publish"))
        #expect(text.contains("xmlns=\"urn:s11:plan:2\""))
        #expect(text.contains("schemaVersion=\"2\""))
    }

    @Test func aPlanWithNothingToDoIsRefusedAsAPOAMAndSaysWhatToExportInstead() throws {
        var plan = Self.samplePlan()
        plan.standards = []
        #expect(plan.objectives.isEmpty)
        #expect {
            try PlanPOAM().write(plan)
        } throws: { error in
            "\(error)".contains("the plan has no objectives, and a POA&M needs at least one item; export it as xml instead")
        }
        _ = try PlanXML().write(plan)                           // the board XML takes it
        _ = try PlanPOAM().write(Self.samplePlan())
    }

    /// One lead in two roles (a DSO who also leads an action as head of service, as a lead's role
    /// changed on the plan page makes): both roles are declared, and the POA&M is valid.
    @Test func aLeadInTwoRolesHasBothRolesDeclaredInThePOAM() throws {
        var plan = Self.samplePlan()
        plan.standards[0].objectives[0].actions[1].leads = [Lead(name: "Asha Patel & Co <Housing>", role: "head-of-service", serviceArea: "Housing")]
        let text = String(decoding: try PlanPOAM().write(plan), as: UTF8.self)
        #expect(text.contains("<role id=\"dso\">") && text.contains("<role id=\"head-of-service\">"))
        #expect(text.contains("<responsible-role role-id=\"head-of-service\">"))
    }

    @Test func aPlanTheSchemaRefusesIsNotWritten() {
        var plan = Self.samplePlan()
        plan.documentControl.owner = ""
        #expect(throws: DiagnosticsError.self) { try PlanXML().write(plan) }
    }

    @Test func importRefusesABadStatusWithItsLine() throws {
        var text = String(decoding: try PlanXML().write(Self.samplePlan()), as: UTF8.self)
        text = text.replacingOccurrences(of: "status=\"A\"", with: "status=\"purple\"")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("purple") }! + 1
        do {
            _ = try PlanXML().read(data: Data(text.utf8), file: "plan.xml")
            Issue.record("the bad status was accepted")
        } catch {
            #expect(error.diagnostics.first?.location.line == line)
            #expect(error.diagnostics.first?.message.contains("purple") == true)
        }
    }
}
