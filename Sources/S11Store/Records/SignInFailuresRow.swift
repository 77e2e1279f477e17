import Foundation

/// Failed sign-ins counted (for an account, or from an address), with the latest one's time.
struct SignInFailuresRow: SQLRecord {
    var count: Int
    var latest: Date?

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, query: "the sign-in failures counted")
        count = try columns("n")
        latest = (try columns("latest") as Double?).map(Date.init(timeIntervalSince1970:))
    }
}
