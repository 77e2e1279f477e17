import Foundation
import S11Core

/// An audit's trail as CSV, one row per change, oldest first: when (in the council's time zone),
/// who, what, whose return, which requirement, which part, before and after. Fields are quoted and
/// neutralised as `PlanCSV` does.
public struct TrailCSV: Sendable {
    public static let header = ["at", "who", "what", "officer", "requirement", "field", "old", "new"]

    let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public func write(_ entries: [TrailEntry]) -> String {
        let format = Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        let rows = [Self.header] + entries.map { entry in
            [entry.at.formatted(format), entry.who, entry.subject.rawValue, entry.officer ?? "", entry.item ?? "", entry.field ?? "",
             entry.old ?? "", entry.new ?? ""]
        }
        return rows.map { $0.map(PlanCSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
