import S11Core

/// A row of the answer table: one officer's answer to one question, carried ones included.
struct AnswerRow: SQLRecord {
    var answer: Answer

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "answer")
        answer = Answer(questionID: try columns("questionID"), choice: Answer.choice(from: try columns("option")),
                        evidence: try columns("evidence"), example: try columns("example"), reason: try columns("reason"),
                        improvement: Improvement(action: try columns("improvement"), lead: try columns("improvementLead"),
                                                 by: try columns("improvementBy"), measure: try columns("improvementMeasure")),
                        carried: try columns("carried"))
    }
}
