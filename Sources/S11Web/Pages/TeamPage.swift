import Foundation
import S11Core

/// The organisation's coordinators: each with when they last signed in or whether their
/// invitation waits, the way to unlock a locked one or send a new-password link; the signed-in
/// coordinator's own display name; and the form that invites another.
struct TeamPage: PageModel {
    static let template = "admin-team"

    struct Member: Encodable {
        let email: String
        let name: String?
        /// Where they stand, in words ("last signed in 5 December 2026 at 3:04pm").
        let state: String
        let locked: Bool
        /// The pages that ask before unlocking them and before sending a new-password link; nil where it does not apply.
        let unlockHref: String?
        let passwordHref: String?
    }

    let title = "Coordinators"
    let form: FormErrors
    let bar: SignedInBar
    let organisation: String
    let notice: String?
    let members: [Member]
    let yourName: String
    /// The invitation form as typed, each problem beside its field.
    let newEmail: String
    let newName: String
    let newEmailError: String?
}

extension TeamPage {
    init(account: Coordinator, csrf: String, organisation: String, members: [TeamMember], notice: String?, typed: (email: String, name: String),
         errors: [FieldError], moments: MomentWords) {
        let rows = members.map { member in
            let query = member.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let you = member.email.lowercased() == account.email.lowercased()
            var state = member.hasAccount ? (member.lastSignIn.map { "last signed in \(moments.text($0))" } ?? "has not signed in yet")
                : "invited; has not set a password yet"
            if member.locked { state += "; locked after too many wrong passwords" }
            if let expires = member.linkExpires { state += "; their link to set a password works until \(moments.text(expires))" }
            return Member(email: member.email, name: member.displayName, state: you ? state + " (you)" : state, locked: member.locked,
                          unlockHref: member.locked ? "/admin/team/unlock?email=\(query)" : nil,
                          passwordHref: member.hasAccount && !you ? "/admin/team/password?email=\(query)" : nil)
        }
        self.init(form: FormErrors(errors), bar: SignedInBar(account: account, csrf: csrf), organisation: organisation, notice: notice,
                  members: rows, yourName: account.displayName ?? "", newEmail: typed.email, newName: typed.name,
                  newEmailError: errors.first { $0.field == "new-email" }?.message)
    }
}
