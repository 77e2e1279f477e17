import S11Core

/// Answer sets read from the `file`th file of a staff import, on their way to the database.
struct StaffBatch: Sendable {
    var file: Int
    var block: StaffAnswerBlock
}
