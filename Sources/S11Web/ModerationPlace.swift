/// Where one return's moderation lives: the organisation's own pages, or a challenge panel's at a
/// board's event. The list of requirements is at `list`, one requirement's page at `item(scope)`,
/// the form posts to `action`, and each evidence document downloads from `documents` + its id.
struct ModerationPlace {
    let list: String
    let action: String
    let documents: String

    /// The place of the audit's moderation at `list`, its documents downloading from the audit's own
    /// address (which lets a board user of the board that holds it read them).
    init(list: String, action: String, auditID: Int64) {
        self.list = list
        self.action = action
        documents = "/admin/audits/\(auditID)/documents/"
    }

    /// The page of one requirement or standard (`requirement:S1.1`).
    func item(_ scope: String) -> String {
        list + "/item?scope=" + (scope.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
}
