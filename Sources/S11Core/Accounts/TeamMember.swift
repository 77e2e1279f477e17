import Foundation

/// One of an organisation's coordinators as its team page lists them: an account, or someone
/// invited who has not yet set a password.
public struct TeamMember: Sendable, Hashable {
    public var email: String
    public var displayName: String?
    /// Whether they have an account (else only an invitation waits for them).
    public var hasAccount: Bool
    /// Locked after too many wrong passwords, until unlocked or given a new password.
    public var locked: Bool
    public var lastSignIn: Date?
    /// When the waiting invitation or new-password link stops working; nil when none waits.
    public var linkExpires: Date?

    public init(email: String, displayName: String?, hasAccount: Bool, locked: Bool, lastSignIn: Date?, linkExpires: Date?) {
        self.email = email
        self.displayName = displayName
        self.hasAccount = hasAccount
        self.locked = locked
        self.lastSignIn = lastSignIn
        self.linkExpires = linkExpires
    }
}
