import S11Core

/// One problem of a refused file, as an upload page's problems table lists it.
struct ProblemRow: Encodable {
    let id: String
    let line: Int
    /// The column as a spreadsheet shows it ("D (lead_email)"), or "" for a problem with the whole row.
    let column: String
    let message: String

    /// Every problem of the refused file, numbered from `problem-1`.
    static func rows(_ error: DiagnosticsError) -> [ProblemRow] {
        error.diagnostics.enumerated().map { index, problem in
            ProblemRow(id: "problem-\(index + 1)", line: problem.location.line, column: problem.location.field ?? "", message: problem.message)
        }
    }
}
