import Foundation

/// One attempt to sign in to the coordinator's pages, kept for the coordinators to see and to
/// throttle guessing across every server that shares the store.
public struct SignInEvent: Sendable, Hashable {
    public enum Outcome: String, Sendable {
        /// Signed in.
        case success
        /// A wrong e-mail address or password.
        case failure
        /// The wrong password that locked the account.
        case locked
        /// A new password was set (`s11 admin create`, an invitation's link), which unlocks the account.
        case passwordSet = "password-set"
        /// A coordinator of the organisation unlocked the account, keeping its password.
        case unlocked
        /// Signed in through an OpenID Connect provider (it leaves the password's failures as they were).
        case signedOn = "signed-on"
        /// An OpenID Connect provider vouched for the address, but s11 refused it (no account, another organisation's).
        case signOnRefused = "sign-on-refused"
        /// A coordinator of the organisation sent the address a link to set a password (invited, or a new password).
        case linkSent = "link-sent"

        /// What came of the attempt, in words.
        public var words: String {
            switch self {
            case .success: "signed in"
            case .failure: "wrong password"
            case .locked: "locked after too many wrong passwords"
            case .passwordSet: "new password set"
            case .unlocked: "unlocked by a coordinator"
            case .signedOn: "signed in through the organisation's account"
            case .signOnRefused: "refused at sign-in through a provider"
            case .linkSent: "sent a link to set a password"
            }
        }
    }

    /// The e-mail address as typed, lower-cased.
    public var email: String
    /// The address the attempt came from, as the server saw it.
    public var address: String
    public var at: Date
    public var outcome: Outcome

    public init(email: String, address: String, at: Date, outcome: Outcome) {
        self.email = email
        self.address = address
        self.at = at
        self.outcome = outcome
    }

    /// Where the event came from, in words: "from" the address an attempt came from, or who acted
    /// ("unlocked by ...", "sent by ...").
    public var origin: String {
        switch outcome {
        case .unlocked, .linkSent: address
        default: "from \(address)"
        }
    }
}
