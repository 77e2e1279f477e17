import Foundation
import S11Core
import S11Store
import S11XML

/// One audit opened from the store with the content it was pinned to: the use cases of the cycle
/// that the command line (and `s11 example`) runs, held here once for every caller.
public struct AuditSession: Sendable {
    let store: AuditStore
    public let audit: AuditRecord
    public let content: AuditContent
    /// Where links point and how mail goes, for invitations and reminders.
    public let settings: AppSettings

    /// The audit with its content already read (the application keeps each audit's content parsed once).
    init(store: AuditStore, audit: AuditRecord, content: AuditContent, settings: AppSettings = AppSettings()) {
        self.store = store
        self.audit = audit
        self.content = content
        self.settings = settings
    }

    /// The content under `root` an audit is pinned to (the catalogue, the self-assessment and staff
    /// surveys, the scales), refusing content that does not pass `s11 check`.
    public static func contentFiles(root: URL, surveyID: String?) throws -> (content: AuditContent, files: [(kind: String, path: String, data: Data)]) {
        try contentFiles(loaded: ContentLoader(root: root).load(), surveyID: surveyID)
    }

    /// The same, from content already read (whose other files, such as crosswalks, the caller also needs).
    public static func contentFiles(loaded: ContentLoader.Result, surveyID: String?) throws -> (content: AuditContent, files: [(kind: String, path: String, data: Data)]) {
        if !loaded.problems.isEmpty { throw DiagnosticsError(loaded.problems) }
        let content = try loaded.library.auditContent(surveyID: surveyID)
        let wanted = Set([content.catalogue.id, content.selfAssessment.id, content.staffSurvey?.id].compactMap { $0 })
        let files = loaded.files.filter { $0.kind == .scales || wanted.contains($0.id) }
            .map { (kind: $0.kind.rawValue, path: $0.path, data: $0.data) }
        return (content, files)
    }

    // MARK: Steps

    public func importOfficers(file: String) async throws -> (added: Int, updated: Int) {
        try await officers.importCSV(try InputFiles.text(file), file: file, by: "the command line")
    }

    /// The audit's named officers, added, changed and taken out.
    public var officers: OfficerRoster { OfficerRoster(session: self) }

    /// The audit's reminders on a schedule.
    public var reminders: AuditReminders { AuditReminders(session: self) }

    /// Taking returns, from files or the web form, on the core's one set of rules.
    public var returns: ReturnTaking { ReturnTaking(store: store, audit: audit, content: content, settings: settings) }

    /// The documents attached to the officer's answers, in the order attached.
    public func documents(of officer: Officer) async throws -> [EvidenceDocument] {
        try await EvidenceDocuments(store: store, settings: settings).documents(of: officer, auditID: audit.id)
    }

    /// Scoring, shared with the coordinator's pages.
    public var scoring: AuditScoring { AuditScoring(store: store, audit: audit, content: content) }

    public func scorecard() async throws -> Scorecard { try await scoring.scorecard() }

    /// The scorecard as a board, a peer or a board document may see it: small service areas folded.
    public func boardScorecard() async throws -> Scorecard { try await scoring.boardScorecard() }

    /// The scorecard as `account` may see it: folded for a board user (`boardScorecard()`).
    public func scorecard(for account: Coordinator) async throws -> Scorecard {
        account.isBoard ? try await boardScorecard() : try await scorecard()
    }

    /// The staff survey's results; from `counted` when the answers were counted already.
    public func staffResults(counted: StaffCodeCounts? = nil) async throws -> StaffResults? {
        try await scoring.staffResults(counted: counted)
    }

    public func gaps(in card: Scorecard) async throws -> [Gap] { try await scoring.gaps(in: card) }

    /// Validates staff survey exports and stores all their answers, or none, reading them a chunk
    /// at a time; each file becomes a batch, and a file imported before is refused unless `again`.
    public func importStaffResponses(files: [String], mappingFile: String?, dateOrder: DateOrder? = nil,
                              again: Bool = false) async throws -> [StaffImportBatch] {
        let survey = try staffReader().survey
        let mapping = try mappingFile.map { try StaffSurveyCSVReader.mapping(fromCSV: InputFiles.text($0), file: $0, survey: survey) } ?? [:]
        return try await importStaffResponses(files: files, mapping: mapping, dateOrder: dateOrder, again: again, by: Self.whoRuns)
    }

    /// The same, with the mapping given (column heading or question id to statement or profile
    /// id, `date`, `ignore` or `absent`), as the web's check page builds it.
    public func importStaffResponses(files: [String], mapping: [String: String], dateOrder: DateOrder?, again: Bool,
                                     by who: String) async throws -> [StaffImportBatch] {
        let reader = try staffReader(mapping: mapping, dateOrder: dateOrder)
        return try await store.staff.importCSV(files: files, reader: reader, auditID: audit.id, importedBy: who, again: again)
    }

    /// Issues the staff survey's public link, replacing any earlier one (only its hash is kept),
    /// and returns it whole under `baseURL`: the only time it can be shown.
    public func issueStaffLink(baseURL: String) async throws -> String {
        _ = try staffReader()
        let token = try await store.staff.issueLink(auditID: audit.id)
        return (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/staff/" + token
    }

    /// When the staff survey's current link was issued (ISO 8601); nil before the first.
    public func staffLinkIssuedAt() async throws -> String? {
        try await store.staff.linkIssuedAt(auditID: audit.id)
    }

    /// The reader of this audit's staff survey exports.
    public func staffReader(mapping: [String: String] = [:], dateOrder: DateOrder? = nil) throws -> StaffSurveyCSVReader {
        guard let survey = content.staffSurvey else {
            throw ApplicationError("this audit was opened without a staff confidence survey; add one to Surveys/ before opening the audit")
        }
        return StaffSurveyCSVReader(survey: survey, scales: content.scales, mapping: mapping, dateOrder: dateOrder)
    }

    /// Who runs this command, for the record of what they imported: the login name.
    public static var whoRuns: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }

    public func draftPlan(options: PlanDrafter.Options, replace: Bool) async throws -> Plan {
        let card = try await scorecard()
        guard card.returns > 0 else {
            throw ApplicationError("no submitted returns to draft from; import returns with 's11 responses import' first")
        }
        let plan = await PlanDrafter(content: content).draft(card: card, gaps: try gaps(in: card),
                                                       officers: try store.officers.all(auditID: audit.id), options: options)
        _ = try PlanXML().write(plan)
        try await store.plans.save(plan, replace: replace)
        return plan
    }
}
