import Foundation
import Hummingbird
import S11App
import S11Core

/// The organisation's coordinators, kept in the browser by any of them (`CoordinatorTeam`):
/// listed, another invited by mail, a locked one unlocked, a new-password link sent (each of
/// those two after a question), and their own display name. A board user has no team here.
struct TeamController: Sendable {
    let web: WebApp

    /// A colleague to invite: their address, and the name they go by.
    struct InviteForm: Decodable {
        @NonBlank var email: String?
        @NonBlank var name: String?
    }

    /// The signed-in coordinator's display name (blank clears it).
    struct NameForm: Decodable {
        var name: String?
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("team", use: team)
        group.post("team/name", use: setName)
        group.post("team/add", use: invite)
        group.page("team/unlock", use: unlockConfirm)
        group.post("team/unlock", use: unlock)
        group.page("team/password", use: passwordConfirm)
        group.post("team/password", use: sendPasswordLink)
    }

    func team(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await teamPage(request, context, notice: nil)
    }

    func setName(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: NameForm.self)
        try await team(context).setOwnName(form.name)
        return WebSecurity.redirect(to: "/admin/team")
    }

    /// Invites a colleague by mail, and says what the mail program did with the message.
    func invite(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: InviteForm.self)
        let typed = (email: form.email ?? "", name: form.name ?? "")
        guard let email = form.email?.trimmingCharacters(in: .whitespaces), OfficerListReader.looksLikeEmail(email) else {
            let message = form.email == nil ? "Write their e-mail address" : "Write their e-mail address in full, like jo.bloggs@riverside.example"
            return try await teamPage(request, context, notice: nil, typed: typed, errors: [FieldError(field: "new-email", message: message)])
        }
        let outcome: MailDeliveryOutcome
        do {
            outcome = try await team(context).invite(email: email, name: form.name)
        } catch let error as any UserFacingError {
            return try await teamPage(request, context, notice: nil, typed: typed, errors: [FieldError(field: "new-email", message: error.message.capitalisedFirst)])
        }
        return try await teamPage(request, context, notice: told(outcome, "Invited \(email) to set their password and sign in."))
    }

    func unlockConfirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let member = try await self.member(request, context) { $0.locked }
        return try confirm(request, context, title: "Unlock \(member.displayName ?? member.email)?",
                           paragraphs: ["\(member.email) was locked after too many wrong passwords. Unlocked, they can sign in with their password again.",
                                        "If they may have forgotten it, send them a new-password link instead: it also unlocks them."],
                           action: "/admin/team/unlock", email: member.email, button: "Unlock the account")
    }

    func unlock(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: OfficerEmailForm.self)
        try await team(context).unlock(email: form.email ?? "")
        return try await teamPage(request, context, notice: "Unlocked \(form.email ?? ""): they can sign in with their password again.")
    }

    func passwordConfirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let member = try await self.member(request, context) { $0.hasAccount && $0.email.lowercased() != context.account.email.lowercased() }
        return try confirm(request, context, title: "Send \(member.displayName ?? member.email) a link to set a new password?",
                           paragraphs: ["\(member.email) is sent a link that lets whoever opens it set the account's password, once, within 14 days. "
                                        + "Check first that the address is theirs alone.",
                                        "Their current password keeps working until the link is used; any earlier link stops working."],
                           action: "/admin/team/password", email: member.email, button: "Send the link")
    }

    func sendPasswordLink(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: OfficerEmailForm.self)
        let email = form.email ?? ""
        let outcome = try await team(context).sendNewPasswordLink(email: email)
        return try await teamPage(request, context, notice: told(outcome, "Sent \(email) a link to set a new password."))
    }

    // MARK: Helpers

    /// The signed-in coordinator's team; not found for a board user.
    private func team(_ context: SignedInRequestContext) throws -> CoordinatorTeam {
        guard let team = web.app.team(of: context.account) else { throw HTTPError(.notFound) }
        return team
    }

    /// The team member the query names, when `allowed`; not found otherwise (another organisation's, say).
    private func member(_ request: Request, _ context: SignedInRequestContext,
                        allowed: (TeamMember) -> Bool) async throws -> TeamMember {
        let email = request.uri.queryParameters["email"].map(String.init) ?? ""
        guard let member = try await team(context).members().first(where: { $0.email.lowercased() == email.lowercased() }), allowed(member) else {
            throw HTTPError(.notFound)
        }
        return member
    }

    /// What was done, and what became of its message.
    private func told(_ outcome: MailDeliveryOutcome, _ done: String) -> String {
        guard outcome.accepted else { return "The message was not sent: \(outcome.detail). Send it again from this page." }
        return done + (web.app.settings.delivery == nil
            ? " No mail program is set up, so the message was written into \(web.app.settings.mailFolder) for your mail system to send."
            : " The mail program accepted the message.")
    }

    private func confirm(_ request: Request, _ context: SignedInRequestContext, title: String, paragraphs: [String], action: String,
                         email: String, button: String) throws -> Response {
        return try web.confirm(request, context, audit: nil) { bar in
            ConfirmPage(title: title, bar: bar, paragraphs: paragraphs, action: action,
                        fields: [.init(name: "email", value: email)], button: button, backHref: "/admin/team", backText: "Do nothing")
        }
    }

    private func teamPage(_ request: Request, _ context: SignedInRequestContext, notice: String?, typed: (email: String, name: String) = ("", ""),
                          errors: [FieldError] = []) async throws -> Response {
        let team = try team(context)
        let csrf = WebSecurity.csrfToken(for: request)
        let page = TeamPage(account: context.account, csrf: csrf.token, organisation: team.organisation, members: try await team.members(),
                            notice: notice, typed: typed, errors: errors, moments: web.app.settings.moments)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
