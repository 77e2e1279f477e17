import S11Core

/// A value the store keeps in a text column in a form of its own: one of a few words (a status,
/// a band, a kind) or a date. Text in no such form is a wrong value, as a number would be: read
/// through `RowColumns`, it is an error naming the table and the column, never a value made up.
protocol SQLTextForm {
    init?(sqlText: String)
    /// What the column must hold, as an error says it ("a return status (not-started, …)").
    static var sqlDescription: String { get }
}

extension SQLTextForm where Self: RawRepresentable, Self.RawValue == String {
    init?(sqlText: String) {
        self.init(rawValue: sqlText)
    }
}

extension SQLTextForm where Self: RawRepresentable & CaseIterable, Self.RawValue == String {
    /// "`what` (first, second, …)": the words the column may hold.
    static func words(_ what: String) -> String {
        "\(what) (\(allCases.map(\.rawValue).joined(separator: ", ")))"
    }
}

extension CalendarDate: SQLTextForm {
    init?(sqlText: String) {
        self.init(iso: sqlText)
    }

    static var sqlDescription: String { "a date (YYYY-MM-DD)" }
}

extension ReturnStatus: SQLTextForm {
    static var sqlDescription: String { words("a return status") }
}

extension Rag: SQLTextForm {
    static var sqlDescription: String { words("a band") }
}

extension BoardScore.Kind: SQLTextForm {
    static var sqlDescription: String { "a kind of board score" }
}

extension MailRecord.Kind: SQLTextForm {
    static var sqlDescription: String { "a kind of message" }
}

extension SignInEvent.Outcome: SQLTextForm {
    static var sqlDescription: String { "a sign-in outcome" }
}

extension PeerProposal.Decision: SQLTextForm {
    static var sqlDescription: String { "a peer proposal's decision" }
}

extension ReturnEvent.Kind: SQLTextForm {
    static var sqlDescription: String { "a step of a return" }
}
