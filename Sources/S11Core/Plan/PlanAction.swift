/// One action row: the seeds' action input, desired outcome, measure, leads and timescale, with
/// its status and progress through the year and the history of every change.
public struct PlanAction: Sendable, Hashable, Codable {
    public var id: String
    public var status: ActionStatus?
    public var input: String
    /// The desired outcome; some seeds' rows have none.
    public var outcome: String?
    /// How progress is measured (the 2015-16 seed's "Evidence").
    public var measure: String?
    /// Everyone who leads the action, each with their own progress and status where a board needs them.
    public var leads: [Lead]
    /// The date the action is due, where one is set; the timescale in words may say more, or alone.
    public var due: CalendarDate?
    /// The timescale in the seeds' words ("Quarterly meetings", "All year", "April 2015 then monthly").
    public var timescale: String?
    public var progress: String?
    /// Set when the action came over unfinished from the previous plan.
    public var carried: CarriedFrom?
    /// Every change made to the action since it was drafted, oldest first.
    public var history: [ActionChange]

    public init(id: String, status: ActionStatus? = nil, input: String, outcome: String? = nil, measure: String? = nil,
                leads: [Lead], due: CalendarDate? = nil, timescale: String? = nil, progress: String? = nil,
                carried: CarriedFrom? = nil, history: [ActionChange] = []) {
        self.id = id
        self.status = status
        self.input = input
        self.outcome = outcome
        self.measure = measure
        self.leads = leads
        self.due = due
        self.timescale = timescale
        self.progress = progress
        self.carried = carried
        self.history = history
    }

    private enum CodingKeys: String, CodingKey {
        case id, status, input, outcome, measure, leads, lead, due, timescale, progress, carried, history
    }

    /// Plans stored before an optional field existed still read: absent means empty, and a single
    /// `lead` (before actions had several) is the only lead.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let leads = try c.decodeIfPresent([Lead].self, forKey: .leads) ?? [try c.decode(Lead.self, forKey: .lead)]
        self.init(id: try c.decode(String.self, forKey: .id), status: try c.decodeIfPresent(ActionStatus.self, forKey: .status),
                  input: try c.decode(String.self, forKey: .input), outcome: try c.decodeIfPresent(String.self, forKey: .outcome),
                  measure: try c.decodeIfPresent(String.self, forKey: .measure), leads: leads,
                  due: try c.decodeIfPresent(CalendarDate.self, forKey: .due), timescale: try c.decodeIfPresent(String.self, forKey: .timescale),
                  progress: try c.decodeIfPresent(String.self, forKey: .progress),
                  carried: try c.decodeIfPresent(CarriedFrom.self, forKey: .carried),
                  history: try c.decodeIfPresent([ActionChange].self, forKey: .history) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encode(input, forKey: .input)
        try c.encodeIfPresent(outcome, forKey: .outcome)
        try c.encodeIfPresent(measure, forKey: .measure)
        try c.encode(leads, forKey: .leads)
        try c.encodeIfPresent(due, forKey: .due)
        try c.encodeIfPresent(timescale, forKey: .timescale)
        try c.encodeIfPresent(progress, forKey: .progress)
        try c.encodeIfPresent(carried, forKey: .carried)
        try c.encode(history, forKey: .history)
    }

    /// The leads as one line: "Dani Granito; Laura Jones (Housing)", supporting ones "with Ben Birch".
    public var leadNames: String { leads.map(\.inLine).joined(separator: "; ") }

    /// When, as a reader wants it: the timescale in the plan's words with the date where one is set
    /// ("Quarterly meetings (by 31 January 2022)"), the words or the date alone otherwise.
    public var timescaleText: String {
        switch (timescale, due) {
        case let (words?, date?): return "\(words) (by \(date.spelledOut))"
        case let (words?, nil): return words
        case let (nil, date?): return date.spelledOut
        case (nil, nil): return "Not set"
        }
    }

    /// The date the action is due within a plan's period: its own date, else what its timescale in
    /// words says (`TimescaleDate`); nil when neither names a time.
    /// A carried action keeps the date it had in the plan it came from (its words are not read
    /// again in this plan's period, where "April" would be a year later).
    public func dueDate(periodStart: CalendarDate, periodEnd: CalendarDate) -> CalendarDate? {
        due ?? carried?.originalDue ?? timescale.flatMap { TimescaleDate.due($0, periodStart: periodStart, periodEnd: periodEnd) }
    }
}

/// Where a carried action came from: the previous plan, its id there and its original due date, if
/// it had one, saying whether that plan wrote the date or s11 worked it out from its words.
public struct CarriedFrom: Sendable, Hashable, Codable {
    public var plan: String
    public var actionID: String
    public var originalDue: CalendarDate?
    /// The original due date was read from the previous plan's timescale in words, not written in it.
    public var dueWorkedOut: Bool

    public init(plan: String, actionID: String, originalDue: CalendarDate?, dueWorkedOut: Bool = false) {
        self.plan = plan
        self.actionID = actionID
        self.originalDue = originalDue
        self.dueWorkedOut = dueWorkedOut
    }

    private enum CodingKeys: String, CodingKey { case plan, actionID, originalDue, dueWorkedOut }

    /// Plans stored before worked-out dates were marked read as dates the plan wrote.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(plan: try c.decode(String.self, forKey: .plan), actionID: try c.decode(String.self, forKey: .actionID),
                  originalDue: try c.decodeIfPresent(CalendarDate.self, forKey: .originalDue),
                  dueWorkedOut: try c.decodeIfPresent(Bool.self, forKey: .dueWorkedOut) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(plan, forKey: .plan)
        try c.encode(actionID, forKey: .actionID)
        try c.encodeIfPresent(originalDue, forKey: .originalDue)
        if dueWorkedOut { try c.encode(true, forKey: .dueWorkedOut) }
    }

    /// "A4.2, due 30 September 2026", with "(worked out from its timescale)" for a date the plan did not write.
    public var described: String {
        actionID + (originalDue.map { ", due \($0.spelledOut)" + (dueWorkedOut ? " (worked out from its timescale)" : "") } ?? "")
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

/// A completed action of the previous plan, listed in the appendix under its standard and
/// objective where that plan names them (the 2021-22 seed's table of completed actions names neither).
public struct CompletedAction: Sendable, Hashable, Codable {
    public var standardID: String?
    public var standardTitle: String?
    public var objective: String?
    public var action: PlanAction

    public init(standardID: String?, standardTitle: String?, objective: String?, action: PlanAction) {
        self.standardID = standardID
        self.standardTitle = standardTitle
        self.objective = objective
        self.action = action
    }

    /// Its standard's number and title, empty when it had none.
    public var standardHeading: String { [standardID, standardTitle].compactMap { $0 }.joined(separator: " ") }
}
