import Foundation
import S11Core
import S11Store

/// The audit's running: its officers and where their returns stand, when returns are due,
/// reopening a return, its messages, staff batches, moderation trail, plan and place in a round.
extension AuditSession {
    /// Every officer with where their return stands, by service area and name.
    public func officerStatuses() async throws -> [OfficerStatus] {
        try await store.officers.statuses(auditID: audit.id)
    }

    /// The audit's named officers.
    public func namedOfficers() async throws -> [Officer] {
        try await store.officers.all(auditID: audit.id)
    }

    /// The officer with this e-mail address (whatever its case), if the audit names them.
    /// The officer with `email` (any case) and where their return stands; nil when they are not the audit's.
    public func officerStatus(email: String) async throws -> OfficerStatus? {
        let wanted = email.lowercased()
        return try await officerStatuses().first { $0.officer.email.lowercased() == wanted }
    }

    public func officer(email: String) async throws -> Officer? {
        let wanted = email.lowercased()
        return try await namedOfficers().first { $0.email.lowercased() == wanted }
    }

    /// The returns stored: submitted ones, or every one when `includeUnsubmitted`.
    public func storedReturns(includeUnsubmitted: Bool = false) async throws -> [OfficerReturn] {
        try await store.returns.stored(audit: audit, includeUnsubmitted: includeUnsubmitted)
    }

    /// When returns are due and whom officers ask, as messages quote them.
    public func returnsDue() async throws -> (deadline: CalendarDate?, contact: String?) {
        try await store.returns.due(auditID: audit.id)
    }

    /// Sets when returns are due and whom officers ask (nil clears either).
    public func setReturnsDue(deadline: CalendarDate?, contact: String?) async throws {
        try await store.returns.setDue(auditID: audit.id, deadline: deadline, contact: contact)
    }

    /// Opens a submitted return again for changes (its answers stay); refused when it is not
    /// submitted, or while the board holds the audit.
    public func reopen(officerEmail: String, by who: String = AuditSession.whoRuns, reason: String? = nil) async throws {
        try await store.returns.reopen(officerEmail: officerEmail, auditID: audit.id, by: who, reason: reason)
    }

    /// One officer's return as they answered it, with its history (each step, and each message
    /// sent to them), oldest first.
    public func officerReturn(email: String) async throws -> (officer: Officer, status: ReturnStatus, submittedAt: String?, answers: [Answer],
                                                              history: [ReturnEvent], messages: [MailRecord])? {
        guard let officer = try await officer(email: email) else { return nil }
        let stored = try await store.returns.find(officerEmail: officer.email, auditID: audit.id)
        let messages = try await store.mail.records(auditID: audit.id).filter { $0.officerEmail.lowercased() == officer.email.lowercased() }
        return (officer, stored.status, stored.submittedAt, stored.answers, try await store.returns.history(officerEmail: officer.email, auditID: audit.id),
                messages)
    }

    /// Reopens the officer's submitted return and tells them why, in `coordinator`'s words, with a
    /// link; what became of the message (the return is open either way).
    public func reopen(officerEmail: String, reason: String, by coordinator: String) async throws -> Invitations.Delivered {
        try await reopen(officerEmail: officerEmail, by: coordinator, reason: reason)
        guard let officer = try await store.officers.all(auditID: audit.id).first(where: { $0.email.lowercased() == officerEmail.lowercased() }) else {
            return .sent([])
        }
        return try await invitations.tellReopened(officer, reason: reason, by: coordinator)
    }

    /// Issues officers' links (new ones to every officer with `reissue`, else to those without
    /// one); each token is returned whole this once, and only its hash is kept.
    public func issueLinks(reissue: Bool) async throws -> [(officer: Officer, token: String)] {
        try await store.officers.issueInvitations(auditID: audit.id, reissue: reissue)
    }

    /// The last message handed over for each officer, by lower-cased e-mail address.
    public func lastMessages() async throws -> [String: MailRecord] {
        try await store.mail.lastRecords(auditID: audit.id)
    }

    /// The officers (lower-cased e-mail addresses) a message has reached.
    public func officersReachedByMail() async throws -> Set<String> {
        try await store.mail.officersReached(auditID: audit.id)
    }

    /// Invitations and reminders as the settings say they go (the mail program, or files).
    public var invitations: Invitations {
        Invitations(session: self, baseURL: settings.baseURL, from: settings.mailFrom)
    }

    /// How many anonymous staff answer sets are stored.
    public func staffAnswerCount() async throws -> Int {
        try await store.staff.answerSetCount(auditID: audit.id)
    }

    /// The staff survey files imported, each a batch.
    public func staffBatches() async throws -> [StaffImportBatch] {
        try await store.staff.importBatches(auditID: audit.id)
    }

    /// Takes one imported staff file's answers back out, in one transaction.
    /// The staff batch that imported a file with the bytes of the one at `path`, if any.
    public func staffBatch(importingTheBytesOf path: String) async throws -> StaffImportBatch? {
        try await store.staff.earlierImport(ofFile: path, auditID: audit.id)
    }

    public func undoStaffBatch(_ batchID: Int64) async throws -> StaffImportBatch {
        try await store.staff.undoImport(batchID: batchID, auditID: audit.id)
    }

    /// Every moderation change, oldest first.
    public func moderationTrail() async throws -> [ModerationChange] {
        try await store.moderation.trail(auditID: audit.id)
    }

    /// The audit's plan as stored now; nil before one is drafted.
    public func plan() async throws -> Plan? {
        try await store.plans.find(organisation: audit.organisation, year: audit.year)
    }

    /// The organisation's plan of the year before, if one is stored (its actions carry forward).
    public func lastYearsPlan() async throws -> Plan? {
        try await store.plans.find(organisation: audit.organisation, year: audit.year - 1)
    }

    /// The stored plan, changed after drafting.
    public var planEditing: PlanEditing {
        PlanEditing(store: store, organisation: audit.organisation, year: audit.year)
    }

    /// The round the audit belongs to and its place in it; nil outside any round.
    public func roundMembership() async throws -> (round: BoardRound, member: RoundMemberStatus)? {
        try await store.rounds.membership(auditID: audit.id)
    }
}
