import Foundation
import S11Core

/// A row of the team query: an account or a waiting invitation, with its last sign-in and whether it is locked.
struct TeamMemberRow: SQLRecord {
    var member: TeamMember

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, query: "the organisation's coordinators")
        let lastSignIn: Double? = try columns("lastSignIn")
        let expires: Double? = try columns("linkExpires")
        member = TeamMember(email: try columns("email"), displayName: try columns("displayName"), hasAccount: try columns("hasAccount") as Int64 == 1,
                            locked: try columns("locks") as Int64 > 0, lastSignIn: lastSignIn.map(Date.init(timeIntervalSince1970:)),
                            linkExpires: expires.map(Date.init(timeIntervalSince1970:)))
    }
}
