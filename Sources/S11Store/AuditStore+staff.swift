import Foundation
import GRDB
import S11Core

extension AuditStore {
    /// Stores staff confidence answers for an audit, all or none. Each gets a random key and keeps
    /// only its day, so no answer can be traced to who gave it or when in the day.
    @discardableResult
    public func saveStaffResponses(_ responses: [StaffResponse], auditID: Int64) throws -> Int {
        let encoder = JSONEncoder.sorted
        return try writer.write { db in
            for response in responses {
                var generator = SystemRandomNumberGenerator()
                let id = Data((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
                try db.execute(sql: "INSERT INTO staffResponse (id, auditID, submittedOn, profile, answers) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, auditID, response.submittedOn?.iso,
                                           String(decoding: try encoder.encode(response.profile), as: UTF8.self),
                                           String(decoding: try encoder.encode(response.answers), as: UTF8.self)])
            }
            return responses.count
        }
    }

    /// The audit's staff confidence answers.
    public func staffResponses(auditID: Int64) throws -> [StaffResponse] {
        let decoder = JSONDecoder()
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT submittedOn, profile, answers FROM staffResponse WHERE auditID = ?", arguments: [auditID])
                .map { row in
                    StaffResponse(profile: try decoder.decode([String: String].self, from: Data((row["profile"] as String).utf8)),
                                  answers: try decoder.decode([String: String].self, from: Data((row["answers"] as String).utf8)),
                                  submittedOn: (row["submittedOn"] as String?).flatMap(CalendarDate.init(iso:)))
                }
        }
    }
}
