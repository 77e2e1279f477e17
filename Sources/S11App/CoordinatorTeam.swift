import Foundation
import S11Core
import S11Reports
import S11Store

/// An organisation's coordinators, kept by any of them: who they are and when each last signed in,
/// a colleague invited by mail to set a password, a locked account unlocked, a link to set a new
/// password, and each one's display name (the author plans show). Every change is to an account
/// of `account`'s own organisation, checked in the store's transaction.
public struct CoordinatorTeam: Sendable {
    let store: AuditStore
    let settings: AppSettings
    /// The coordinator doing it.
    public let account: Coordinator
    public let organisation: String

    /// The team of `account`'s organisation; nil for a board user, who has none.
    init?(store: AuditStore, settings: AppSettings, account: Coordinator) {
        guard let organisation = account.organisation else { return nil }
        self.store = store
        self.settings = settings
        self.account = account
        self.organisation = organisation
    }

    /// The coordinators and those invited, by e-mail address.
    public func members() async throws -> [TeamMember] {
        try await store.accounts.team(organisation: organisation)
    }

    /// Invites `email` (named `name`) to join as a coordinator: a link to set a password, sent by
    /// the mail program or written into the mail folder; what the program said.
    public func invite(email: String, name: String?) async throws -> MailDeliveryOutcome {
        try await sendLink(.join, email: email, name: name)
    }

    /// Sends a coordinator of the organisation a link to set a new password (which also unlocks them).
    public func sendNewPasswordLink(email: String) async throws -> MailDeliveryOutcome {
        guard let member = try await members().first(where: { $0.email.lowercased() == email.lowercased() && $0.hasAccount }) else {
            throw ApplicationError("\(email) is not a coordinator of \(organisation)")
        }
        return try await sendLink(.newPassword, email: member.email, name: member.displayName)
    }

    /// Unlocks a coordinator of the organisation locked after wrong passwords, keeping their password.
    public func unlock(email: String) async throws {
        guard try await store.accounts.unlock(email: email, organisation: organisation, by: account.email) else {
            throw ApplicationError("\(email) is not a coordinator of \(organisation)")
        }
    }

    /// Sets the signed-in coordinator's own display name (blank clears it).
    public func setOwnName(_ name: String?) async throws {
        let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await store.accounts.setDisplayName(trimmed?.isEmpty == false ? trimmed : nil, email: account.email, organisation: organisation)
    }

    private func sendLink(_ kind: TeamInvitationMail.Kind, email: String, name: String?) async throws -> MailDeliveryOutcome {
        let token = try await store.accounts.issuePasswordLink(email: email, displayName: name, organisation: organisation, by: account.email)
        let mail = TeamInvitationMail(organisation: organisation, baseURL: settings.baseURL, from: settings.mailFrom)
        let message = mail.message(kind, toName: name, email: email, sender: account.author, token: token, date: Date())
        return await settings.mailDelivery(subfolder: "coordinators").deliver(message, to: email)
    }
}
