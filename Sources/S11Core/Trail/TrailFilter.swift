/// Which of an audit's trail entries to read: one officer's, one requirement's, from and to a day
/// (in the council's time zone); nil reads all.
public struct TrailFilter: Sendable, Hashable {
    public var officer: String?
    public var item: String?
    public var from: CalendarDate?
    public var to: CalendarDate?

    public init(officer: String? = nil, item: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.officer = officer
        self.item = item
        self.from = from
        self.to = to
    }
}
