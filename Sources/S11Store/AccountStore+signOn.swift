import Foundation
import S11Core

/// Signing in an account whose e-mail address an OpenID Connect provider has vouched for.
extension AccountStore {
    /// What signing in through a provider came to.
    public enum SignOnOutcome: Sendable, Equatable {
        /// Signed in: the new session's token and the account.
        case signedIn(session: String, account: Coordinator)
        /// No account has the address.
        case noAccount
        /// The account is not one the provider may sign in (another organisation's, another board's).
        case notAdmitted(Coordinator)
    }

    /// Signs in the account with `email`, if the provider admits it: the account is read, the rule
    /// checked and the session started in one transaction, so an account moved to another
    /// organisation meanwhile is seen. Success and refusal are recorded with `address`; neither
    /// counts towards the password's throttle.
    public func signOn(email: String, address: String, provider: SignOnProvider, lasting seconds: TimeInterval = 8 * 3600,
                       now: Date = Date()) async throws -> SignOnOutcome {
        let via = "\(address) through \(provider.name)"
        return try await engine.write { db in
            guard let account = try await db.fetchOne(CoordinatorRow.self, "SELECT * FROM coordinator WHERE email = ? COLLATE NOCASE",
                                                      [email])?.coordinator else {
                try await Self.recordSignIn(email: email, address: via, outcome: .signOnRefused, at: now, db: db)
                return .noAccount
            }
            guard provider.admits(account) else {
                try await Self.recordSignIn(email: email, address: via, outcome: .signOnRefused, at: now, db: db)
                return .notAdmitted(account)
            }
            let token = try await Self.startSession(email: account.email, until: now.addingTimeInterval(seconds), db: db)
            try await Self.recordSignIn(email: email, address: via, outcome: .signedOn, at: now, db: db)
            return .signedIn(session: token, account: account)
        }
    }
}
