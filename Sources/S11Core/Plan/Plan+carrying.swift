extension Plan {
    /// Why this plan cannot be carried forward into `organisation`'s audit of `auditYear`, or nil:
    /// it must be the same organisation's plan from the audit the year before (another year only
    /// with `anyYear`, for a cycle that skipped a year).
    public func refusalToCarry(into organisation: String, auditYear: Int, anyYear: Bool) -> String? {
        if self.organisation.lowercased() != organisation.lowercased() {
            return "it is \(self.organisation)'s plan, not \(organisation)'s; carry forward a plan of the same organisation"
        }
        if self.auditYear != auditYear - 1 && !anyYear {
            return "it is the plan from the \(self.auditYear) audit, and the audit being planned is \(auditYear)'s, so last year's plan is \(auditYear - 1)'s; name that plan, or add --any-year if a year was skipped on purpose"
        }
        return nil
    }
}
