import Foundation
import S11Core
import S11Store
import S11XML

/// The audits the store holds: listed, found (for an account, only those it may see) and opened.
public struct AuditDirectory: Sendable {
    let app: S11App
    private var store: AuditStore { app.store }

    /// Every audit, newest first.
    public func all() async throws -> [AuditRecord] {
        try await store.audits.all()
    }

    /// The audits `account` may see (their organisation's, or their board's members'), newest first.
    public func visible(to account: Coordinator) async throws -> [AuditRecord] {
        try await store.audits.visible(to: account)
    }

    /// The audit with this id if `account` may see it; nil both when there is none and when it is
    /// another organisation's, so that nobody can tell the two apart.
    public func audit(id: Int64, visibleTo account: Coordinator) async throws -> AuditRecord? {
        try await store.audits.find(id: id, visibleTo: account)
    }

    /// The audit with this id, whoever asks (the board's own pages check the round first).
    public func audit(id: Int64) async throws -> AuditRecord? {
        try await store.audits.find(id: id)
    }

    /// The audit an organisation and/or year names; with neither, the only audit there is.
    public func audit(organisation: String?, year: Int?) async throws -> AuditRecord {
        try await store.audits.named(organisation: organisation, year: year)
    }

    /// One audit in a list of audits: how far its returns have got and when they are due.
    public struct Summary: Sendable {
        public var audit: AuditRecord
        public var officers: Int
        public var submitted: Int
        public var deadline: CalendarDate?
    }

    /// Each audit with its returns counted.
    public func summaries(of audits: [AuditRecord]) async throws -> [Summary] {
        var summaries: [Summary] = []
        for audit in audits {
            let statuses = try await store.officers.statuses(auditID: audit.id)
            summaries.append(Summary(audit: audit, officers: statuses.count, submitted: statuses.filter { $0.status == .submitted }.count,
                                     deadline: try await store.returns.due(auditID: audit.id).deadline))
        }
        return summaries
    }

    /// Opens `organisation`'s audit of `year` on the content under `root` (the server's own when
    /// nil), refusing content that does not pass `s11 check` and a second audit of the year. With
    /// `carryFromLastYear`, last year's officers come over and their answers become starting
    /// values marked as carried. The deadline and contact, when given, are set with it.
    public func open(organisation: String, year: Int, surveyID: String?, root: URL? = nil, carryFromLastYear: Bool = false,
                     deadline: CalendarDate? = nil, contact: String? = nil) async throws -> AuditSession {
        guard let root = root ?? app.settings.contentRoot else {
            throw ApplicationError("this server was started without Standards/ and Surveys/ (s11 serve --content DIR)")
        }
        let previous = carryFromLastYear ? try await store.audits.named(organisation: organisation, year: year - 1) : nil
        let (content, files) = try AuditSession.contentFiles(root: root, surveyID: surveyID)
        let audit = try await store.audits.open(organisation: organisation, year: year, files: files, carryFrom: previous,
                                              questionIDs: Set(content.selfAssessment.questions.map(\.id)))
        if deadline != nil || contact != nil {
            try await store.returns.setDue(auditID: audit.id, deadline: deadline, contact: contact)
        }
        return try await app.session(audit)
    }

    /// The self-assessment surveys the server's content offers new audits.
    public func surveysOnOffer() -> [Survey] {
        guard let root = app.settings.contentRoot else { return [] }
        return ContentLoader(root: root).load().library.surveys.filter { $0.kind == .selfAssessment }
    }
}
