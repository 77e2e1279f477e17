import S11Core

/// The slots of an officer's section page as `PageShellCache` keeps it: where the officer's link,
/// the request's CSRF token, the answers' version, where saving goes back to, and each of the officer's answers go. Rendering
/// with marks gives each a marker, in the order the page asks for them.
final class SectionMarks {
    /// A text the officer wrote for a question.
    enum Field: Sendable {
        case evidence, example, reason, improvement, improvementLead, improvementBy, improvementMeasure

        func value(_ answer: Answer?) -> String? {
            switch self {
            case .evidence: answer?.evidence
            case .example: answer?.example
            case .reason: answer?.reason
            case .improvement: answer?.improvement?.action
            case .improvementLead: answer?.improvement?.lead
            case .improvementBy: answer?.improvement?.by
            case .improvementMeasure: answer?.improvement?.measure
            }
        }
    }

    enum Slot: Sendable {
        case token, csrf, version
        /// Where saving the page goes: "check" back to Check your answers, else "".
        case returnTo
        /// A question's text field.
        case text(String, Field)
        /// A question's option (by its value): " checked" when chosen.
        case checked(String, String)
        /// A question's "last year's answer" tag, kept when the answer was carried.
        case carried(String)
        /// The documents attached to a question's answer, in words.
        case documents(String)
    }

    private(set) var slots: [Slot] = []

    /// The marker for a value.
    func value(_ slot: Slot) -> String {
        slots.append(slot)
        return PageShellCache<Slot>.value(slots.count - 1)
    }

    /// The markers around text kept or left out.
    func region(_ slot: Slot) -> (start: String, end: String) {
        slots.append(slot)
        return (PageShellCache<Slot>.regionStart(slots.count - 1), PageShellCache<Slot>.regionEnd(slots.count - 1))
    }
}
