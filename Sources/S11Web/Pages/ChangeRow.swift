import S11Core

/// One change in a plan's history (an action's or an objective's), as its page lists them, newest first.
struct ChangeRow: Encodable {
    let at: String
    let by: String
    let field: String
    let old: String
    let new: String
}

extension ChangeRow {
    init(_ change: ActionChange, moments: MomentWords) {
        self.init(at: moments.text(iso: change.at), by: change.by, field: change.field, old: change.old ?? "none", new: change.new ?? "none")
    }
}
