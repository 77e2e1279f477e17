import Foundation
import S11Core

/// A content file an audit was opened with: its auditContent row joined to the content row that
/// holds its bytes.
struct PinnedFileRow: SQLRecord {
    var file: PinnedFile

    init(_ row: SQLRow) throws {
        let pin = RowColumns(row, table: "auditContent")
        let body: Data = try RowColumns(row, table: "content")("body")
        file = PinnedFile(kind: try pin("kind"), path: try pin("path"), sha256: try pin("sha256"), data: [UInt8](body))
    }
}
