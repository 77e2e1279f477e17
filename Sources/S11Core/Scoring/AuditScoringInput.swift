/// Everything an audit's scores are worked out from, read in one transaction: its officers, the
/// submitted returns, the moderation in force, and its staff answers counted (with last year's,
/// for change). Scoring from one snapshot means a score and the rule it is checked against always
/// agree, even when the snapshot is read inside the write that depends on it.
public struct AuditScoringInput: Sendable {
    public var audit: AuditRecord
    public var officers: [Officer]
    /// The submitted returns only.
    public var returns: [OfficerReturn]
    public var moderations: [Moderation]
    /// This audit's staff answers, counted by code.
    public var staffCounts: StaffCodeCounts
    /// Last year's audit's staff answers, when the organisation had one.
    public var lastYearsStaffCounts: StaffCodeCounts?
    /// The documents attached to the officers' answers.
    public var attached: AttachedDocuments

    public init(audit: AuditRecord, officers: [Officer], returns: [OfficerReturn], moderations: [Moderation],
                staffCounts: StaffCodeCounts, lastYearsStaffCounts: StaffCodeCounts?, attached: AttachedDocuments = .none) {
        self.audit = audit
        self.officers = officers
        self.returns = returns
        self.moderations = moderations
        self.staffCounts = staffCounts
        self.lastYearsStaffCounts = lastYearsStaffCounts
        self.attached = attached
    }
}
