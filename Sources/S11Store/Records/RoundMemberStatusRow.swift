import S11Core

/// A member organisation of a round with its officers' returns counted, as one query reads all
/// of a round's members (those it reads through a crosswalk too) on the round's page.
struct RoundMemberStatusRow: SQLRecord {
    var status: RoundMemberStatus

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, query: "the round's members with their returns counted")
        status = RoundMemberStatus(
            auditID: try columns("auditID"), roundID: try columns("roundID"),
            member: RoundMember(organisation: try columns("organisation"), sector: try columns("sector"),
                                leadName: try columns("leadName"), leadEmail: try columns("leadEmail")),
            submittedAt: try columns("submittedAt"), submittedBy: try columns("submittedBy"), declaration: try columns("declaration"),
            returnedAt: try columns("returnedAt"), returnReason: try columns("returnReason"), crosswalkID: try columns("crosswalkID"),
            officers: try columns("officers"), started: try columns("started"), submittedReturns: try columns("submittedReturns"))
    }
}
