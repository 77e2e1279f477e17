import S11Core

// The core's values read from their tables' rows.

extension BoardRound {
    init(_ row: SQLRow) {
        self.init(id: row["id"], board: row["board"], year: row["year"],
                  deadline: CalendarDate(iso: row["deadline"]) ?? CalendarDate(year: 1970, month: 1, day: 1)!,
                  openedAt: row["openedAt"], openedBy: row["openedBy"])
    }
}

extension ChallengeEvent {
    init(_ row: SQLRow, auditIDs: [Int64]) {
        self.init(id: row["id"], roundID: row["roundID"], title: row["title"],
                  heldOn: CalendarDate(iso: row["heldOn"]) ?? CalendarDate(year: 1970, month: 1, day: 1)!,
                  panel: (row["panel"] as String).components(separatedBy: "; "), scheduledAt: row["scheduledAt"], auditIDs: auditIDs)
    }
}

extension PeerPairing {
    init(_ row: SQLRow) {
        self.init(id: row["id"], roundID: row["roundID"], reviewerAuditID: row["reviewerAuditID"], revieweeAuditID: row["revieweeAuditID"],
                  reviewer: row["reviewer"], reviewee: row["reviewee"], pairedAt: row["pairedAt"], endedAt: row["endedAt"])
    }
}

extension RoundMemberStatus {
    init(_ row: SQLRow) {
        self.init(auditID: row["auditID"], roundID: row["roundID"],
                  member: RoundMember(organisation: row["organisation"], sector: row["sector"], leadName: row["leadName"], leadEmail: row["leadEmail"]),
                  submittedAt: row["submittedAt"], submittedBy: row["submittedBy"], declaration: row["declaration"], returnedAt: row["returnedAt"],
                  returnReason: row["returnReason"], crosswalkID: row["crosswalkID"], officers: row["officers"], started: row["started"],
                  submittedReturns: row["submittedReturns"])
    }
}
