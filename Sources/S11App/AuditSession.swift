import Foundation
import S11Core
import S11Store
import S11XML

/// One audit opened from the store with the content it was pinned to: the use cases of the cycle
/// that the command line (and `s11 example`) runs, held here once for every caller.
public struct AuditSession: Sendable {
    public let store: AuditStore
    public let audit: AuditRecord
    public let content: AuditContent

    public init(store: AuditStore, audit: AuditRecord) throws {
        self.store = store
        self.audit = audit
        self.content = try Self.pinnedContent(store: store, audit: audit)
    }

    /// Reads back the exact files the audit was opened with.
    public static func pinnedContent(store: AuditStore, audit: AuditRecord) throws -> AuditContent {
        try AuditScoring(store: store, audit: audit).content
    }

    /// Opens a new audit on the content under `root`, refusing content that does not pass `s11 check`.
    /// With `carryFrom`, last year's officers and answers come over as carried starting values.
    public static func open(store: AuditStore, root: URL, organisation: String, year: Int, surveyID: String?,
                     carryFrom previous: AuditRecord? = nil) throws -> AuditSession {
        let loaded = ContentLoader(root: root).load()
        if !loaded.problems.isEmpty { throw DiagnosticsError(loaded.problems) }
        let content = try loaded.library.auditContent(surveyID: surveyID)
        let wanted = Set([content.catalogue.id, content.selfAssessment.id, content.staffSurvey?.id].compactMap { $0 })
        let files = loaded.files.filter { $0.kind == .scales || wanted.contains($0.id) }
            .map { (kind: $0.kind.rawValue, path: $0.path, data: $0.data) }
        let audit = try store.openAudit(organisation: organisation, year: year, files: files, carryFrom: previous,
                                        questionIDs: Set(content.selfAssessment.questions.map(\.id)))
        return try AuditSession(store: store, audit: audit)
    }

    // MARK: Steps

    public func importOfficers(file: String) throws -> (added: Int, updated: Int) {
        let text = try InputFiles.text(file)
        let officers = try OfficerListReader(survey: content.selfAssessment).officers(fromCSV: text, file: file)
        return try store.importOfficers(officers, auditID: audit.id)
    }

    /// Validates every return in the files and stores them all, or none.
    public func importReturns(files: [String]) throws -> [OfficerReturn] {
        var returns: [OfficerReturn] = []
        var problems: [Diagnostic] = []
        for file in files {
            do {
                if file.lowercased().hasSuffix(".csv") {
                    returns += try ReturnCSVReader(organisation: audit.organisation, year: audit.year)
                        .returns(fromCSV: InputFiles.text(file), file: file)
                } else {
                    returns.append(try ReturnXML().read(data: InputFiles.data(file), file: file))
                }
            } catch let error as DiagnosticsError {
                problems += error.diagnostics
            }
        }
        let officers = try store.officers(auditID: audit.id)
        let validator = ReturnValidator(content: content, organisation: audit.organisation, year: audit.year, officers: officers)
        var seen: [String: SourceLocation] = [:]
        for ret in returns {
            problems += validator.problems(in: ret)
            if let first = seen[ret.officerEmail], let here = ret.location {
                problems.append(Diagnostic(here, "a second return for \(ret.officerEmail) (the first is at \(first)); import one return per officer"))
            } else if let here = ret.location {
                seen[ret.officerEmail] = here
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        try store.saveReturns(returns, auditID: audit.id) { officer in content.questions(forRole: officer.role).count }
        return returns
    }

    /// Scoring, shared with the coordinator's pages.
    public var scoring: AuditScoring { AuditScoring(store: store, audit: audit, content: content) }

    public func scorecard() throws -> Scorecard { try scoring.scorecard() }

    public func staffResults() throws -> StaffResults? { try scoring.staffResults() }

    public func gaps(in card: Scorecard) throws -> [Gap] { try scoring.gaps(in: card) }

    /// Validates staff survey exports and stores all their answers, or none, reading them a chunk
    /// at a time; each file becomes a batch, and a file imported before is refused unless `again`.
    public func importStaffResponses(files: [String], mappingFile: String?, dateOrder: DateOrder? = nil,
                              again: Bool = false) throws -> [StaffImportBatch] {
        guard let survey = content.staffSurvey else {
            throw ApplicationError("this audit was opened without a staff confidence survey; add one to Surveys/ before opening the audit")
        }
        let mapping = try mappingFile.map { try StaffSurveyCSVReader.mapping(fromCSV: InputFiles.text($0), file: $0, survey: survey) } ?? [:]
        let reader = StaffSurveyCSVReader(survey: survey, scales: content.scales, mapping: mapping, dateOrder: dateOrder)
        return try store.importStaffCSV(files: files, reader: reader, auditID: audit.id, importedBy: Self.whoRuns, again: again)
    }

    /// Who runs this command, for the record of what they imported: the login name.
    public static var whoRuns: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }

    public func draftPlan(options: PlanDrafter.Options, replace: Bool) throws -> Plan {
        let card = try scorecard()
        guard card.returns > 0 else {
            throw ApplicationError("no submitted returns to draft from; import returns with 's11 responses import' first")
        }
        let plan = PlanDrafter(content: content).draft(card: card, gaps: try gaps(in: card),
                                                       officers: try store.officers(auditID: audit.id), options: options)
        _ = try PlanXML().write(plan)
        try store.savePlan(plan, replace: replace)
        return plan
    }
}
