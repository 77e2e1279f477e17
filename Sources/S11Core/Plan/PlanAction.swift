/// One action row: the seeds' action input, desired outcome, measure, lead and timescale,
/// with its status and progress through the year and the history of every change.
public struct PlanAction: Sendable, Hashable, Codable {
    public var id: String
    public var status: ActionStatus?
    public var input: String
    public var outcome: String
    public var measure: String
    public var lead: Lead
    public var due: CalendarDate
    /// The timescale in the seeds' words ("Quarterly meetings", "All year"), where a date alone says less.
    public var timescale: String?
    public var progress: String?
    /// Set when the action came over unfinished from the previous plan.
    public var carried: CarriedFrom?
    /// Every change made to the action since it was drafted, oldest first.
    public var history: [ActionChange]

    public init(id: String, status: ActionStatus? = nil, input: String, outcome: String, measure: String,
                lead: Lead, due: CalendarDate, timescale: String? = nil, progress: String? = nil,
                carried: CarriedFrom? = nil, history: [ActionChange] = []) {
        self.id = id
        self.status = status
        self.input = input
        self.outcome = outcome
        self.measure = measure
        self.lead = lead
        self.due = due
        self.timescale = timescale
        self.progress = progress
        self.carried = carried
        self.history = history
    }

    /// Plans stored before an optional field existed still read: absent means empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), status: try c.decodeIfPresent(ActionStatus.self, forKey: .status),
                  input: try c.decode(String.self, forKey: .input), outcome: try c.decode(String.self, forKey: .outcome),
                  measure: try c.decode(String.self, forKey: .measure), lead: try c.decode(Lead.self, forKey: .lead),
                  due: try c.decode(CalendarDate.self, forKey: .due), timescale: try c.decodeIfPresent(String.self, forKey: .timescale),
                  progress: try c.decodeIfPresent(String.self, forKey: .progress),
                  carried: try c.decodeIfPresent(CarriedFrom.self, forKey: .carried),
                  history: try c.decodeIfPresent([ActionChange].self, forKey: .history) ?? [])
    }

    /// Past its due date and not completed.
    public func isOverdue(on day: CalendarDate) -> Bool { status != .blue && due < day }
}

/// Where a carried action came from: the previous plan, its id there and its original due date.
public struct CarriedFrom: Sendable, Hashable, Codable {
    public var plan: String
    public var actionID: String
    public var originalDue: CalendarDate

    public init(plan: String, actionID: String, originalDue: CalendarDate) {
        self.plan = plan
        self.actionID = actionID
        self.originalDue = originalDue
    }
}

/// One change to an action: who made it, when (ISO 8601 date and time), the field, old and new value.
public struct ActionChange: Sendable, Hashable, Codable {
    public var at: String
    public var by: String
    public var field: String
    public var old: String?
    public var new: String?

    public init(at: String, by: String, field: String, old: String?, new: String?) {
        self.at = at
        self.by = by
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A completed action of the previous plan, listed in the appendix under its standard and objective.
public struct CompletedAction: Sendable, Hashable, Codable {
    public var standardID: String
    public var standardTitle: String
    public var objective: String
    public var action: PlanAction

    public init(standardID: String, standardTitle: String, objective: String, action: PlanAction) {
        self.standardID = standardID
        self.standardTitle = standardTitle
        self.objective = objective
        self.action = action
    }
}
