/// What a write holds for itself while it checks a rule and changes what the rule guards: the
/// rows of one audit, one round's, the sign-in attempts on one account or from one address. On
/// PostgreSQL each is a transaction-scoped advisory lock of its own, so that writes holding
/// different keys run at once while those holding the same key run one at a time; SQLite, which
/// has one writer, runs every write alone whatever it holds.
public enum WriteKey: Hashable, Sendable, Comparable {
    /// An audit's officers, answers, documents, moderations, staff codebook and what its board holds of it.
    case audit(Int64)
    /// A round's challenge events, peer pairings, readings and lead reminders.
    case round(Int64)
    /// The sign-in attempts, sessions and kept forms of one account, by its e-mail address (any case).
    case account(String)
    /// The sign-in attempts from one network address.
    case address(String)

    /// The lock's two keys: the first names the kind within the schema (an audit's is the
    /// schema's name alone, as before there were other kinds), the second the id, or its text hashed.
    var lock: (namespace: String, second: String, argument: any SQLBindable) {
        let id = "CAST(MOD(?, 2147483647) AS INTEGER)"
        switch self {
        case .audit(let auditID): return ("", id, auditID)
        case .round(let roundID): return (":round", id, roundID)
        case .account(let email): return (":account", "hashtext(?)", email.lowercased())
        case .address(let address): return (":address", "hashtext(?)", address)
        }
    }
}
