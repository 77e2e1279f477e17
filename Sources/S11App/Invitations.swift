import Foundation
import S11Core
import S11Reports
import S11Store

/// Inviting officers to their returns and reminding them: each message carries a new link (only
/// its hash is kept), goes to the council's mail program, and is recorded with what the program
/// said. Written as `.eml` files and a mail-merge CSV instead when the council sends them itself.
public struct Invitations: Sendable {
    public let session: AuditSession
    /// Where officers reach `s11 serve`, for their links.
    public let baseURL: String
    /// The From line of every message.
    public let from: String

    /// Said instead of the stored deadline and contact, for one batch.
    let deadline: CalendarDate?
    let contact: String?

    public init(session: AuditSession, baseURL: String, from: String = Invitations.defaultFrom, deadline: CalendarDate? = nil,
                contact: String? = nil) {
        self.session = session
        self.baseURL = baseURL
        self.from = from
        self.deadline = deadline
        self.contact = contact
    }

    public static let defaultFrom = "Safeguarding audit <safeguarding-audit@localhost>"

    private var store: AuditStore { session.store }
    private var audit: AuditRecord { session.audit }

    /// The messages as the deadline and contact stand now.
    public func mail() async throws -> InvitationMail {
        let due = try await store.returns.due(auditID: audit.id)
        return InvitationMail(organisation: audit.organisation, year: audit.year, baseURL: baseURL, deadline: deadline ?? due.deadline,
                              contact: contact ?? due.contact, from: from)
    }

    /// Who a message of `kind` would go to now: an invitation to every officer no message has
    /// reached yet (new, or whose last one failed), a reminder to every officer who has not
    /// submitted; `only` narrows either to those addresses, and for an invitation sends to them
    /// whatever went before (a resend).
    public func recipients(_ kind: InvitationMail.Kind, only: Set<String>? = nil) async throws -> [Officer] {
        let lowered = only.map { Set($0.map { $0.lowercased() }) }
        let statuses = try await store.officers.statuses(auditID: audit.id)
        switch kind {
        case .invitation:
            let reached = try await store.mail.officersReached(auditID: audit.id)
            return statuses.map(\.officer).filter { officer in
                lowered.map { $0.contains(officer.email.lowercased()) } ?? !reached.contains(officer.email.lowercased())
            }
        case .reminder:
            return statuses.filter { $0.status != .submitted }.map(\.officer)
                .filter { officer in lowered.map { $0.contains(officer.email.lowercased()) } ?? true }
        }
    }

    /// What the message says, for the coordinator to read before sending: the first recipient's,
    /// with a stand-in for the link; nil when nobody would get one.
    public func preview(_ kind: InvitationMail.Kind) async throws -> String? {
        guard let officer = try await recipients(kind).first else { return nil }
        let data = try await mail().message(kind, to: officer, token: "(their-own-link)", content: session.content, date: Date())
        // As a person reads it: who it is from and to, the subject and the words; not the MIME headers.
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
        let blank = lines.firstIndex(of: "") ?? lines.count
        let shown = lines[..<blank].filter { ["From: ", "To: ", "Subject: "].contains(where: $0.hasPrefix) }
        return (shown + lines[blank...]).joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// Issues a new link to each recipient and hands each message to `delivery`, recording what it
    /// said; returns the records, in the order sent.
    public func send(_ kind: InvitationMail.Kind, only: Set<String>? = nil, replacingEarlier: Bool = false,
                     via delivery: any MailDelivery) async throws -> [MailRecord] {
        let mail = try await mail()
        var records: [MailRecord] = []
        for (officer, token) in try await issue(kind, only: only, replacingEarlier: replacingEarlier) {
            let outcome = await delivery.deliver(mail.message(kind, to: officer, token: token, content: session.content, date: Date()),
                                                 to: officer.email)
            let record = MailRecord(officerEmail: officer.email, kind: Self.recordKind(kind), subject: mail.subject(kind), at: Date(),
                                    accepted: outcome.accepted, detail: outcome.detail)
            try await store.mail.record(record, auditID: audit.id)
            records.append(record)
        }
        return records
    }

    /// What became of a batch of messages.
    public enum Delivered: Sendable {
        /// Handed to the mail program: a record for each, in the order sent (empty when nobody was due one).
        case sent([MailRecord])
        /// No mail program is set up: written as `.eml` files into `folder` for the council's mail system.
        case written(folder: URL, files: [String])
    }

    /// Sends messages of `kind` (to everyone they are due, or to `only` again) through the mail
    /// program the settings name, or without one writes them into a new folder of the mail folder.
    /// With `replacingEarlier`, the links each recipient had stop working when the new one is issued.
    public func deliver(_ kind: InvitationMail.Kind, only: Set<String>? = nil, replacingEarlier: Bool = false) async throws -> Delivered {
        if let delivery = session.settings.delivery {
            return .sent(try await send(kind, only: only, replacingEarlier: replacingEarlier, via: delivery))
        }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let folder = URL(fileURLWithPath: session.settings.mailFolder).appendingPathComponent("\(kind == .invitation ? "invitations" : "reminders")-\(audit.year)-\(stamp)")
        return .written(folder: folder, files: try await write(kind, only: only, replacingEarlier: replacingEarlier, to: folder)
            .filter { $0.hasSuffix(".eml") })
    }

    /// Issues a new link to each recipient and writes the messages as `.eml` files with the
    /// mail-merge `links.csv` into `folder`, for the council's own mail system; returns the paths.
    public func write(_ kind: InvitationMail.Kind, only: Set<String>? = nil, replacingEarlier: Bool = false, to folder: URL) async throws -> [String] {
        try await write(kind, issued: try issue(kind, only: only, replacingEarlier: replacingEarlier), to: folder)
    }

    /// Writes the messages for links already issued (`OfficerStore.issueInvitations`) into `folder`.
    public func write(_ kind: InvitationMail.Kind, issued: [(officer: Officer, token: String)], to folder: URL) async throws -> [String] {
        guard !issued.isEmpty else { return [] }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mail = try await mail()
        var paths: [String] = []
        for file in mail.files(kind, for: issued, content: session.content, date: Date()) {
            let url = folder.appendingPathComponent(file.name)
            try file.data.write(to: url, options: .atomic)
            if file.name.hasSuffix(".eml"), let officer = issued.first(where: { InvitationMail.fileName($0.officer.email) == file.name })?.officer {
                try await store.mail.record(MailRecord(officerEmail: officer.email, kind: Self.recordKind(kind), subject: mail.subject(kind),
                                                      at: Date(), accepted: true, detail: "written to \(url.path)"), auditID: audit.id)
            }
            paths.append(url.path)
        }
        return paths
    }

    /// Tells `officer` their return is open again, with `coordinator`'s reason and a new link
    /// (their earlier links keep working): through the mail program, or written into a new folder
    /// of the mail folder; recorded like the invitations.
    public func tellReopened(_ officer: Officer, reason: String, by coordinator: String) async throws -> Delivered {
        let issued = try await store.officers.issueInvitations(auditID: audit.id, reissue: true, keepEarlier: true, only: [officer.email.lowercased()])
        guard let token = issued.first?.token else { return .sent([]) }
        let mail = try await mail()
        let message = mail.reopenedMessage(to: officer, by: coordinator, reason: reason, token: token, date: Date())
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let subfolder = "reopened-\(audit.year)-\(stamp)"
        let outcome = await session.settings.mailDelivery(subfolder: subfolder).deliver(message, to: officer.email)
        // Without a mail program the message was written into a folder of the mail folder.
        let folder = session.settings.delivery == nil ? URL(fileURLWithPath: session.settings.mailFolder).appendingPathComponent(subfolder) : nil
        let file = folder?.appendingPathComponent(InvitationMail.fileName(officer.email))
        let record = MailRecord(officerEmail: officer.email, kind: .reopened, subject: mail.reopenedSubject, at: Date(), accepted: outcome.accepted,
                                detail: outcome.accepted ? file.map { "written to \($0.path)" } ?? outcome.detail : outcome.detail)
        let delivered: Delivered = if let folder, let file, outcome.accepted { .written(folder: folder, files: [file.path]) } else { .sent([record]) }
        try await store.mail.record(record, auditID: audit.id)
        return delivered
    }

    private func issue(_ kind: InvitationMail.Kind, only: Set<String>?, replacingEarlier: Bool) async throws -> [(officer: Officer, token: String)] {
        let emails = Set(try await recipients(kind, only: only).map { $0.email.lowercased() })
        guard !emails.isEmpty else { return [] }
        return try await store.officers.issueInvitations(auditID: audit.id, reissue: true, keepEarlier: !replacingEarlier, only: emails)
    }

    private static func recordKind(_ kind: InvitationMail.Kind) -> MailRecord.Kind {
        kind == .invitation ? .invitation : .reminder
    }
}
