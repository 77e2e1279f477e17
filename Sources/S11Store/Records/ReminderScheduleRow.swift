import S11Core

/// A row of the reminderSchedule table (when one audit's reminders go) or of the
/// roundReminderSchedule table (when a round's leads are reminded), which have the same columns.
struct ReminderScheduleRow: SQLRecord {
    var schedule: ReminderSchedule

    init(_ row: SQLRow) throws {
        try self.init(row, table: "reminderSchedule")
    }

    init(_ row: SQLRow, table: String) throws {
        let columns = RowColumns(row, table: table)
        let days: String = try columns("daysBefore")
        schedule = ReminderSchedule(isOn: try columns("isOn"), daysBefore: days.split(separator: ",").compactMap { Int($0) },
                                    onTheDay: try columns("onTheDay"), overdueEvery: try columns("overdueEvery"), atMost: try columns("atMost"),
                                    minuteOfDay: try columns("minuteOfDay"))
    }

    /// The schedule's columns as both tables declare them, after their key.
    static func columns(_ d: SQLDialect) -> String {
        """
        isOn \(d.integer) NOT NULL, daysBefore \(d.text) NOT NULL, onTheDay \(d.integer) NOT NULL, \
        overdueEvery \(d.integer) NOT NULL, atMost \(d.integer) NOT NULL, minuteOfDay \(d.integer) NOT NULL
        """
    }

    /// The columns' values for `schedule`, in the tables' order after their key.
    static func values(_ schedule: ReminderSchedule) -> [any SQLBindable] {
        [schedule.isOn ? 1 : 0, schedule.daysBefore.map(String.init).joined(separator: ","), schedule.onTheDay ? 1 : 0,
         schedule.overdueEvery, schedule.atMost, schedule.minuteOfDay]
    }
}
