/// Where one return's moderation lives: the organisation's own pages, or a challenge panel's at a
/// board's event. The list of requirements is at `list`, one requirement's page at `item(scope)`,
/// and the form posts to `action`.
struct ModerationPlace {
    let list: String
    let action: String

    /// The page of one requirement or standard (`requirement:S1.1`).
    func item(_ scope: String) -> String {
        list + "/item?scope=" + (scope.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
}
