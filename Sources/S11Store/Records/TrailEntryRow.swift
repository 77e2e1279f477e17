import Foundation
import S11Core

/// A row of the trail table: one change to an audit.
struct TrailEntryRow: SQLRecord {
    var entry: TrailEntry

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "trail")
        let subject: String = try columns("subject")
        entry = TrailEntry(at: Date(timeIntervalSince1970: try columns("at")), who: try columns("who"),
                           subject: TrailEntry.Subject(rawValue: subject) ?? .answer, officer: try columns("officer"), item: try columns("item"),
                           field: try columns("field"), old: try columns("old"), new: try columns("new"))
    }
}
