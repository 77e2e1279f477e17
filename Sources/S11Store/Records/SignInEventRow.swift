import Foundation
import S11Core

/// A row of the signInEvent table: one attempt to sign in.
struct SignInEventRow: SQLRecord {
    var event: SignInEvent

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "signInEvent")
        event = SignInEvent(email: try columns("email"), address: try columns("address"),
                            at: Date(timeIntervalSince1970: try columns("at")), outcome: try columns("outcome"))
    }
}
