/// When an organisation's lead may submit its self-assessment to the board: with a declaration,
/// and with at least one officer's return in (a board cannot read an empty self-assessment).
public enum BoardSubmissionRule {
    /// Why the submission is refused, or nil when it may go.
    public static func refusal(submittedReturns: Int, officers: Int, declaration: String) -> String? {
        if declaration.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "make the declaration to submit to the board: the board relies on it"
        }
        if submittedReturns == 0 {
            return officers == 0
                ? "no officers are named yet, so there is nothing to submit; name them and collect their returns first"
                : "none of the \(officers) officers has submitted a return yet, so there is nothing to submit"
        }
        return nil
    }
}
