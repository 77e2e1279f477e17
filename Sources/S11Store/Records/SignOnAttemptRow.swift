import S11Core

/// A row of the signOnAttempt table: a sign-in begun at a provider, kept by its state's hash
/// until the browser comes back.
struct SignOnAttemptRow: SQLRecord {
    var attempt: SignOnAttempt

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "signOnAttempt")
        attempt = SignOnAttempt(provider: try columns("provider"), state: "", nonce: try columns("nonce"), verifier: try columns("verifier"))
    }
}
