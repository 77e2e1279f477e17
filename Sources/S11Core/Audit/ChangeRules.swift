/// What may change an audit's returns, officers and moderation, and when: decided here once, and
/// evaluated by the store inside the transaction that writes, so that no other write can slip
/// between the check and the change.
public enum ChangeRules {
    /// A change refused, in words for whoever asked.
    public struct Refusal: UserFacingError, Equatable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// Who changes an audit: its own organisation (its coordinators and officers), a board, named,
    /// or whoever keeps the store at the command line (on a board's server, its business unit),
    /// who acts for the board that holds an audit.
    public enum Changer: Sendable, Equatable {
        case organisation
        case board(String)
        case storeKeeper
    }

    /// Saving answers into a return as it stands: refused once it is submitted.
    public static func saving(into status: ReturnStatus) -> Refusal? {
        status == .submitted ? Refusal("this return has been submitted; ask the audit coordinator to reopen it to change it") : nil
    }

    /// Reopening a return: only a submitted one can be.
    public static func reopening(_ status: ReturnStatus, officerEmail: String) -> Refusal? {
        status == .submitted ? nil : Refusal("\(officerEmail)'s return is not submitted, so there is nothing to reopen")
    }

    /// Any change to the answers or officers of an audit `board` holds (nil: no board holds it).
    public static func changingAnswers(heldBy board: String?) -> Refusal? {
        board == nil ? nil : Refusal("the organisation has submitted this self-assessment to the board, which holds it: answers and officers cannot change until the board returns it")
    }

    /// A moderation by `changer` of an audit `board` holds: only that board moderates what it holds.
    public static func moderating(heldBy board: String?, by changer: Changer) -> Refusal? {
        guard let board else { return nil }
        switch changer {
        case .storeKeeper: return nil
        case .board(let name) where name.lowercased() == board.lowercased(): return nil
        default: break
        }
        return Refusal("\(board) holds this self-assessment: its ratings are the board's to moderate until it returns it")
    }
}
