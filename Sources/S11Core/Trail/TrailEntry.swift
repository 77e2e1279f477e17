import Foundation

/// One change to an audit, as its append-only trail keeps it: who made it and when, what it
/// changed (an answer, its evidence, the return's status ...), whose return and which requirement
/// it was about, and the value before and after. The staff survey is never in it.
public struct TrailEntry: Sendable, Hashable {
    /// What a change touched.
    public enum Subject: String, Sendable, CaseIterable {
        case answer, evidence
        case returnStatus = "return"
        case officer, invitation, moderation, plan, account, round, document
    }

    public var at: Date
    /// The account, or "OFFICER (their link)", or the file a return came from.
    public var who: String
    public var subject: Subject
    /// The officer whose return it was about, when it was.
    public var officer: String?
    /// The question (requirement) it was about, when it was.
    public var item: String?
    /// Which part of it: "rating", "evidence", "status" ...
    public var field: String?
    public var old: String?
    public var new: String?

    public init(at: Date, who: String, subject: Subject, officer: String? = nil, item: String? = nil, field: String? = nil,
                old: String? = nil, new: String? = nil) {
        self.at = at
        self.who = who
        self.subject = subject
        self.officer = officer
        self.item = item
        self.field = field
        self.old = old
        self.new = new
    }

    /// The entries for an officer's answer to one question changing from `old` (nil: none yet) to
    /// `new`: one per part that changed (rating, reason, evidence, example, and the improvement's
    /// action, lead, date and measure), none when nothing did.
    public static func answerChanges(from old: Answer?, to new: Answer, at: Date, who: String, officer: String) -> [TrailEntry] {
        let before = parts(of: old), after = parts(of: new)
        return after.indices.compactMap { index in
            let (field, subject, value) = after[index]
            let was = before[index].value
            guard was != value else { return nil }
            return TrailEntry(at: at, who: who, subject: subject, officer: officer, item: new.questionID, field: field, old: was, new: value)
        }
    }

    /// An answer's parts in a fixed order, each with the subject it counts as.
    private static func parts(of answer: Answer?) -> [(field: String, subject: Subject, value: String?)] {
        [("rating", .answer, answer?.optionValue), ("reason", .answer, answer?.reason),
         ("evidence", .evidence, answer?.evidence), ("example", .evidence, answer?.example),
         ("improvement", .answer, answer?.improvement?.action), ("improvement lead", .answer, answer?.improvement?.lead),
         ("improvement by", .answer, answer?.improvement?.by), ("improvement measure", .answer, answer?.improvement?.measure)]
    }
}
