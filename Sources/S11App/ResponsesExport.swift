import Foundation
import S11Core
import S11Reports
import S11Store

/// The audit's responses as CSV (`s11 responses export` and the coordinator's download): every
/// officer's answers, or the anonymous staff answers with small groups' profiles blanked. Rows go
/// to the sink a page at a time as they are read, so memory stays flat however many answer sets
/// there are.
public struct ResponsesExport: Sendable {
    public let session: AuditSession

    public init(session: AuditSession) {
        self.session = session
    }

    private var csv: ResponsesCSV { ResponsesCSV(content: session.content) }

    /// Every officer's answers, submitted or not, with the day each return was submitted.
    public func officers(to sink: (String) async throws -> Void) async throws {
        try await sink(ResponsesCSV.officerHeader)
        let answers = await Dictionary(try session.store.returns.stored(audit: session.audit, includeUnsubmitted: true).map { ($0.officerEmail.lowercased(), $0.answers) },
                                 uniquingKeysWith: { a, _ in a })
        for status in try await session.store.officers.statuses(auditID: session.audit.id) {
            try await sink(csv.officerRows(status.officer, answers: answers[status.officer.email.lowercased()] ?? [], submittedOn: status.submittedAt))
        }
    }

    /// The anonymous staff answer sets: a first pass counts each service area and role, the second
    /// writes the rows a page at a time, blanking the profile of any group under
    /// `StaffExportTable.smallestGroup`. The sink (given UTF-8) may wait (a slow download) without
    /// holding the store.
    public func staff(pageSize: Int = 5_000, to sink: ([UInt8]) async throws -> Void) async throws {
        guard let survey = session.content.staffSurvey else {
            throw ApplicationError("this audit was opened without a staff confidence survey, so there are no staff answers to export")
        }
        var groups: [Int: Int] = [:]
        let counted = await StaffExportTable(survey: survey, content: session.content, codebook: try session.store.staff.codebook(auditID: session.audit.id))
        try await session.store.staff.forEachCodes(auditID: session.audit.id) { groups[counted.group($0), default: 0] += 1 }
        try await sink(Array(counted.header.utf8))
        var key: Data?
        repeat {
            let page = try await session.store.staff.answerSetPage(auditID: session.audit.id, after: key, limit: pageSize)
            // The codebook only grows: codes counted above read the same in every page's table.
            let table = StaffExportTable(survey: survey, content: session.content, codebook: page.codebook)
            var text: [UInt8] = []
            text.reserveCapacity(page.rows.count * 128)
            for row in page.rows {
                table.appendRow(row.codes, day: row.day, suppressed: (groups[table.group(row.codes)] ?? 0) < StaffExportTable.smallestGroup, to: &text)
            }
            try await sink(text)
            key = page.last
        } while key != nil
    }
}
