import Foundation
import GRDB
import S11Core

/// The database schema, as an ordered list of migrations. Never edit a shipped migration: add one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: audits, officers, invitations, answers, plans") { db in
            try db.create(table: "content") { t in
                t.primaryKey("sha256", .text)
                t.column("body", .blob).notNull()
            }
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("organisation", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("openedAt", .text).notNull()
                t.uniqueKey(["organisation", "year"])
            }
            try db.create(table: "auditContent") { t in
                t.column("auditID", .integer).notNull().references("audit", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("path", .text).notNull()
                t.column("sha256", .text).notNull().references("content")
                t.primaryKey(["auditID", "path"])
            }
            try db.create(table: "officer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("auditID", .integer).notNull().references("audit", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("email", .text).notNull()
                t.column("role", .text).notNull()
                t.column("serviceArea", .text).notNull()
                t.column("status", .text).notNull().defaults(to: ReturnStatus.notStarted.rawValue)
                t.column("submittedAt", .text)
                t.uniqueKey(["auditID", "email"])
            }
            try db.create(table: "invitation") { t in
                t.primaryKey("officerID", .integer).references("officer", onDelete: .cascade)
                t.column("tokenSHA256", .blob).notNull().unique()
                t.column("issuedAt", .text).notNull()
            }
            try db.create(table: "answer") { t in
                t.column("officerID", .integer).notNull().references("officer", onDelete: .cascade)
                t.column("questionID", .text).notNull()
                t.column("option", .text)
                t.column("evidence", .text)
                t.column("example", .text)
                t.column("reason", .text)
                t.column("updatedAt", .text).notNull()
                t.primaryKey(["officerID", "questionID"])
            }
            try db.create(table: "plan") { t in
                t.column("organisation", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("body", .blob).notNull()
                t.column("updatedAt", .text).notNull()
                t.primaryKey(["organisation", "year"])
            }
        }
        migrator.registerMigration("v2: moderated ratings and their audit trail") { db in
            try db.create(table: "moderation") { t in
                t.column("auditID", .integer).notNull().references("audit", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("scopeID", .text).notNull()
                t.column("rag", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("byName", .text).notNull()
                t.column("at", .text).notNull()
                t.primaryKey(["auditID", "kind", "scopeID"])
            }
            try db.create(table: "moderationLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("auditID", .integer).notNull().references("audit", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("scopeID", .text).notNull()
                t.column("oldRag", .text)
                t.column("newRag", .text)
                t.column("reason", .text).notNull()
                t.column("byName", .text).notNull()
                t.column("at", .text).notNull()
            }
        }
        migrator.registerMigration("v3: answers carried from last year's audit") { db in
            try db.alter(table: "answer") { t in
                t.add(column: "carried", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v4: anonymous staff confidence answers") { db in
            // No rowid: rows sit in the order of a random key, so not even the order in which
            // answers arrived is kept. No name, e-mail, token, IP address or time: the day only.
            try db.create(table: "staffResponse", options: [.withoutRowID]) { t in
                t.primaryKey("id", .blob)
                t.column("auditID", .integer).notNull().references("audit", onDelete: .cascade)
                t.column("submittedOn", .text)
                t.column("profile", .text).notNull()
                t.column("answers", .text).notNull()
            }
            try db.create(index: "staffResponseByAudit", on: "staffResponse", columns: ["auditID"])
        }
        migrator.registerMigration("v5: the staff survey's public link") { db in
            try db.create(table: "staffLink") { t in
                t.primaryKey("auditID", .integer).references("audit", onDelete: .cascade)
                t.column("tokenSHA256", .blob).notNull().unique()
                t.column("issuedAt", .text).notNull()
            }
        }
        migrator.registerMigration("v6: the returns' deadline and contact, for reminders and the dashboard") { db in
            try db.alter(table: "audit") { t in
                t.add(column: "deadline", .text)
                t.add(column: "contact", .text)
            }
        }
        migrator.registerMigration("v7: coordinators and their sessions") { db in
            try db.create(table: "coordinator") { t in
                t.primaryKey("email", .text).collate(.nocase)
                t.column("passwordHash", .text).notNull()
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "coordinatorSession") { t in
                t.primaryKey("tokenSHA256", .blob)
                t.column("email", .text).notNull().references("coordinator", onDelete: .cascade)
                t.column("expiresAt", .double).notNull()
            }
        }
        migrator.registerMigration("v8: staff answers packed by a codebook, kept together by audit") { db in
            // One byte per question instead of JSON: a national survey's million answer sets fit in a
            // few tens of megabytes and are counted without decoding. The key is (audit, random id):
            // an audit's answers sit together and in no order that says when they arrived.
            try db.create(table: "staffCodebook") { t in
                t.primaryKey("auditID", .integer).references("audit", onDelete: .cascade)
                t.column("questions", .text).notNull()
            }
            try db.create(table: "staffAnswerSet", options: [.withoutRowID]) { t in
                t.column("auditID", .integer).notNull().references("audit", onDelete: .cascade)
                t.column("id", .blob).notNull()
                t.column("submittedOn", .text)
                t.column("codes", .blob).notNull()
                t.primaryKey(["auditID", "id"])
            }
            let decoder = JSONDecoder()
            let rows = try Row.fetchCursor(db, sql: "SELECT auditID, id, submittedOn, profile, answers FROM staffResponse ORDER BY auditID")
            var codebooks: [Int64: StaffCodebook] = [:]
            while let row = try rows.next() {
                let auditID: Int64 = row["auditID"]
                let response = StaffResponse(profile: try decoder.decode([String: String].self, from: Data((row["profile"] as String).utf8)),
                                             answers: try decoder.decode([String: String].self, from: Data((row["answers"] as String).utf8)))
                var codebook = codebooks[auditID] ?? StaffCodebook()
                let codes = try codebook.pack(response)
                codebooks[auditID] = codebook
                try db.execute(sql: "INSERT INTO staffAnswerSet (auditID, id, submittedOn, codes) VALUES (?, ?, ?, ?)",
                               arguments: [auditID, row["id"] as Data, row["submittedOn"] as String?, Data(codes)])
            }
            for (auditID, codebook) in codebooks {
                try db.execute(sql: "INSERT INTO staffCodebook (auditID, questions) VALUES (?, ?)",
                               arguments: [auditID, String(decoding: try JSONEncoder.sorted.encode(codebook), as: UTF8.self)])
            }
            try db.drop(table: "staffResponse")
        }
        migrator.registerMigration("v9: indexes for the case-blind lookups by organisation and e-mail") { db in
            // Audits and plans are found by organisation whatever its case, and officers by
            // e-mail: without these, a board of 3,000 organisations scanned every plan to save one.
            try db.execute(sql: "CREATE INDEX auditByOrganisation ON audit (organisation COLLATE NOCASE, year)")
            try db.execute(sql: "CREATE INDEX planByOrganisation ON plan (organisation COLLATE NOCASE, year)")
            try db.execute(sql: "CREATE INDEX officerByEmail ON officer (email COLLATE NOCASE)")
        }
        migrator.registerMigration("v10: each coordinator coordinates one organisation; board users see summaries of all") { db in
            try db.alter(table: "coordinator") { t in t.add(column: "organisation", .text) }
            // Coordinators from before: where the store holds one organisation's audits they
            // coordinate it; otherwise they become board users, who see summaries and change
            // nothing, until 's11 admin create --org' names their organisation.
            try db.execute(sql: """
                UPDATE coordinator SET organisation = (SELECT organisation FROM audit ORDER BY id LIMIT 1)
                WHERE (SELECT COUNT(DISTINCT organisation COLLATE NOCASE) FROM audit) = 1
                """)
        }
        return migrator
    }
}
