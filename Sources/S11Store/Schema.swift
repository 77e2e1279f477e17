import Foundation
import GRDB
import S11Core

/// The database schema, as one ordered list of migrations that both engines run: the same SQL,
/// with the column types each engine names differently taken from its dialect. SQLite records
/// them through GRDB's migrator (as it always has); PostgreSQL in `s11_migrations`. Never edit a
/// shipped migration: add one.
enum Schema {
    /// One step of the schema.
    struct Migration: Sendable {
        var identifier: String
        var apply: @Sendable (any SQLConnection) async throws -> Void
    }

    static let migrations: [Migration] = [
        Migration(identifier: "v1: audits, officers, invitations, answers, plans") { db in
            let d = db.dialect
            try await db.execute("CREATE TABLE content (sha256 \(d.text) NOT NULL PRIMARY KEY, body \(d.blob) NOT NULL)")
            try await db.execute("""
                CREATE TABLE audit (\(d.autoIncrementedID), organisation \(d.text) NOT NULL, year \(d.integer) NOT NULL,
                    openedAt \(d.text) NOT NULL, UNIQUE (organisation, year))
                """)
            try await db.execute("""
                CREATE TABLE auditContent (auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    kind \(d.text) NOT NULL, path \(d.text) NOT NULL, sha256 \(d.text) NOT NULL REFERENCES content(sha256),
                    PRIMARY KEY (auditID, path))
                """)
            try await db.execute("""
                CREATE TABLE officer (\(d.autoIncrementedID), auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    name \(d.text) NOT NULL, email \(d.text) NOT NULL, role \(d.text) NOT NULL, serviceArea \(d.text) NOT NULL,
                    status \(d.text) NOT NULL DEFAULT '\(ReturnStatus.notStarted.rawValue)', submittedAt \(d.text),
                    UNIQUE (auditID, email))
                """)
            try await db.execute("""
                CREATE TABLE invitation (officerID \(d.integer) NOT NULL PRIMARY KEY REFERENCES officer(id) ON DELETE CASCADE,
                    tokenSHA256 \(d.blob) NOT NULL UNIQUE, issuedAt \(d.text) NOT NULL)
                """)
            try await db.execute("""
                CREATE TABLE answer (officerID \(d.integer) NOT NULL REFERENCES officer(id) ON DELETE CASCADE,
                    questionID \(d.text) NOT NULL, option \(d.text), evidence \(d.text), example \(d.text), reason \(d.text),
                    updatedAt \(d.text) NOT NULL, PRIMARY KEY (officerID, questionID))
                """)
            try await db.execute("""
                CREATE TABLE plan (organisation \(d.text) NOT NULL, year \(d.integer) NOT NULL, body \(d.blob) NOT NULL,
                    updatedAt \(d.text) NOT NULL, PRIMARY KEY (organisation, year))
                """)
        },
        Migration(identifier: "v2: moderated ratings and their audit trail") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE moderation (auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    kind \(d.text) NOT NULL, scopeID \(d.text) NOT NULL, rag \(d.text) NOT NULL, reason \(d.text) NOT NULL,
                    byName \(d.text) NOT NULL, at \(d.text) NOT NULL, PRIMARY KEY (auditID, kind, scopeID))
                """)
            try await db.execute("""
                CREATE TABLE moderationLog (\(d.autoIncrementedID), auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    kind \(d.text) NOT NULL, scopeID \(d.text) NOT NULL, oldRag \(d.text), newRag \(d.text),
                    reason \(d.text) NOT NULL, byName \(d.text) NOT NULL, at \(d.text) NOT NULL)
                """)
        },
        Migration(identifier: "v3: answers carried from last year's audit") { db in
            // 1 or 0 (SQLite's booleans), on both engines, so that a store moves between them as is.
            try await db.execute("ALTER TABLE answer ADD COLUMN carried \(db.dialect.integer) NOT NULL DEFAULT 0")
        },
        Migration(identifier: "v4: anonymous staff confidence answers") { db in
            // No rowid: rows sit in the order of a random key, so not even the order in which
            // answers arrived is kept. No name, e-mail, token, IP address or time: the day only.
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE staffResponse (id \(d.blob) NOT NULL PRIMARY KEY,
                    auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE, submittedOn \(d.text),
                    profile \(d.text) NOT NULL, answers \(d.text) NOT NULL)\(d.withoutRowID)
                """)
            try await db.execute("CREATE INDEX staffResponseByAudit ON staffResponse (auditID)")
        },
        Migration(identifier: "v5: the staff survey's public link") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE staffLink (auditID \(d.integer) NOT NULL PRIMARY KEY REFERENCES audit(id) ON DELETE CASCADE,
                    tokenSHA256 \(d.blob) NOT NULL UNIQUE, issuedAt \(d.text) NOT NULL)
                """)
        },
        Migration(identifier: "v6: the returns' deadline and contact, for reminders and the dashboard") { db in
            try await db.execute("ALTER TABLE audit ADD COLUMN deadline \(db.dialect.text)")
            try await db.execute("ALTER TABLE audit ADD COLUMN contact \(db.dialect.text)")
        },
        Migration(identifier: "v7: coordinators and their sessions") { db in
            let d = db.dialect
            if d == .postgres {
                // SQLite's NOCASE, as PostgreSQL spells it: the same SQL text then reads the same
                // in both (an unquoted NOCASE is this collation's name folded to lower case).
                try await db.execute("""
                    CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)
                    """)
            }
            try await db.execute("""
                CREATE TABLE coordinator (email TEXT COLLATE NOCASE NOT NULL PRIMARY KEY, passwordHash \(d.text) NOT NULL,
                    createdAt \(d.text) NOT NULL)
                """)
            try await db.execute("""
                CREATE TABLE coordinatorSession (tokenSHA256 \(d.blob) NOT NULL PRIMARY KEY,
                    email TEXT COLLATE NOCASE NOT NULL REFERENCES coordinator(email) ON DELETE CASCADE,
                    expiresAt \(d.double) NOT NULL)
                """)
        },
        Migration(identifier: "v8: staff answers packed by a codebook, kept together by audit") { db in
            // One byte per question instead of JSON: a national survey's million answer sets fit in a
            // few tens of megabytes and are counted without decoding. The key is (audit, random id):
            // an audit's answers sit together and in no order that says when they arrived.
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE staffCodebook (auditID \(d.integer) NOT NULL PRIMARY KEY REFERENCES audit(id) ON DELETE CASCADE,
                    questions \(d.text) NOT NULL)
                """)
            try await db.execute("""
                CREATE TABLE staffAnswerSet (auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    id \(d.blob) NOT NULL, submittedOn \(d.text), codes \(d.blob) NOT NULL, PRIMARY KEY (auditID, id))\(d.withoutRowID)
                """)
            var codebooks: [Int64: StaffCodebook] = [:]
            try await db.forEachRow("SELECT auditID, id, submittedOn, profile, answers FROM staffResponse ORDER BY auditID", []) { row in
                let old = try StaffResponseRow(row)
                var codebook = codebooks[old.auditID] ?? StaffCodebook()
                let codes = try codebook.pack(old.response)
                codebooks[old.auditID] = codebook
                try await db.insertRows(into: "staffAnswerSet", columns: ["auditID", "id", "submittedOn", "codes"],
                                  [[.integer(old.auditID), old.key, old.day, .blob(Data(codes))]])
            }
            for (auditID, codebook) in codebooks {
                try await db.execute("INSERT INTO staffCodebook (auditID, questions) VALUES (?, ?)",
                               [auditID, String(decoding: try JSONEncoder.sorted.encode(codebook), as: UTF8.self)])
            }
            try await db.execute("DROP TABLE staffResponse")
        },
        Migration(identifier: "v9: indexes for the case-blind lookups by organisation and e-mail") { db in
            // Audits and plans are found by organisation whatever its case, and officers by
            // e-mail: without these, a board of 3,000 organisations scanned every plan to save one.
            try await db.execute("CREATE INDEX auditByOrganisation ON audit (organisation COLLATE NOCASE, year)")
            try await db.execute("CREATE INDEX planByOrganisation ON plan (organisation COLLATE NOCASE, year)")
            try await db.execute("CREATE INDEX officerByEmail ON officer (email COLLATE NOCASE)")
        },
        Migration(identifier: "v10: each coordinator coordinates one organisation; board users see summaries of all") { db in
            try await db.execute("ALTER TABLE coordinator ADD COLUMN organisation \(db.dialect.text)")
            // Coordinators from before: where the store holds one organisation's audits they
            // coordinate it; otherwise they become board users, who see summaries and change
            // nothing, until 's11 admin create --org' names their organisation.
            try await db.execute("""
                UPDATE coordinator SET organisation = (SELECT organisation FROM audit ORDER BY id LIMIT 1)
                WHERE (SELECT COUNT(DISTINCT organisation COLLATE NOCASE) FROM audit) = 1
                """)
        },
        Migration(identifier: "v11: staff survey imports as batches, to refuse a file imported twice and to undo one") { db in
            // A batch keeps the file's name, hash, count, day and who ran it: nothing that ties an
            // answer set to a line of the file. Answer sets from the web have no batch.
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE staffImportBatch (\(d.autoIncrementedID), auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    fileName \(d.text) NOT NULL, sha256 \(d.text) NOT NULL, answerSets \(d.integer) NOT NULL,
                    importedOn \(d.text) NOT NULL, importedBy \(d.text) NOT NULL)
                """)
            try await db.execute("CREATE INDEX staffImportBatchByHash ON staffImportBatch (auditID, sha256)")
            try await db.execute("ALTER TABLE staffAnswerSet ADD COLUMN batchID \(d.integer)")
        },
        Migration(identifier: "v12: sign-in attempts, to throttle guessing on every server and for coordinators to see") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE signInEvent (\(d.autoIncrementedID), email TEXT COLLATE NOCASE NOT NULL, address \(d.text) NOT NULL,
                    at \(d.double) NOT NULL, outcome \(d.text) NOT NULL)
                """)
            try await db.execute("CREATE INDEX signInEventByEmail ON signInEvent (email COLLATE NOCASE, at)")
            try await db.execute("CREATE INDEX signInEventByAddress ON signInEvent (address, at)")
        },
        Migration(identifier: "v13: what became of each invitation and reminder handed to the mail program") { db in
            // The message is not kept (it carried the officer's link): only when, what and the answer.
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE mailMessage (\(d.autoIncrementedID), officerID \(d.integer) NOT NULL REFERENCES officer(id) ON DELETE CASCADE,
                    kind \(d.text) NOT NULL, subject \(d.text) NOT NULL, at \(d.double) NOT NULL, accepted \(d.integer) NOT NULL,
                    detail \(d.text) NOT NULL)
                """)
            try await db.execute("CREATE INDEX mailMessageByOfficer ON mailMessage (officerID, at)")
        },
        Migration(identifier: "v14: what each officer will do to improve, who will lead it and by when") { db in
            for column in ["improvement", "improvementLead", "improvementBy"] {
                try await db.execute("ALTER TABLE answer ADD COLUMN \(column) \(db.dialect.text)")
            }
        },
        Migration(identifier: "v15: a board's round of its member organisations' audits, what each submitted, and invitations to the leads' accounts") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE round (\(d.autoIncrementedID), board \(d.text) NOT NULL, year \(d.integer) NOT NULL,
                    deadline \(d.text) NOT NULL, openedAt \(d.text) NOT NULL, openedBy \(d.text) NOT NULL)
                """)
            try await db.execute("CREATE UNIQUE INDEX roundByBoardAndYear ON round (board, year)")
            // One row per member organisation: its audit, sector and lead, and whether the board holds
            // its self-assessment (submitted, not since returned).
            try await db.execute("""
                CREATE TABLE roundMember (auditID \(d.integer) NOT NULL PRIMARY KEY REFERENCES audit(id) ON DELETE CASCADE,
                    roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE, sector \(d.text) NOT NULL,
                    leadName \(d.text) NOT NULL, leadEmail TEXT COLLATE NOCASE NOT NULL, submittedAt \(d.text), submittedBy \(d.text),
                    declaration \(d.text), returnedAt \(d.text), returnedBy \(d.text), returnReason \(d.text))
                """)
            try await db.execute("CREATE INDEX roundMemberByRound ON roundMember (roundID)")
            // What the board received on submission, scored once: overall, per standard and per
            // requirement, self and moderated bands, and the requirements found to be gaps.
            try await db.execute("""
                CREATE TABLE boardScore (auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE, kind \(d.text) NOT NULL,
                    scopeID \(d.text) NOT NULL, position \(d.integer) NOT NULL, percent \(d.double), rag \(d.text), moderated \(d.text),
                    moderatedPercent \(d.double), isGap \(d.integer) NOT NULL,
                    PRIMARY KEY (auditID, kind, scopeID))
                """)
            // Only the token's hash is kept; the lead sets their own password through the link.
            try await db.execute("""
                CREATE TABLE coordinatorInvitation (tokenSHA256 \(d.blob) NOT NULL PRIMARY KEY, email TEXT COLLATE NOCASE NOT NULL,
                    organisation \(d.text) NOT NULL, expiresAt \(d.double) NOT NULL)
                """)
        },
        Migration(identifier: "v16: a moderation on the survey's own scale, the option the panel chose") { db in
            try await db.execute("ALTER TABLE moderation ADD COLUMN option \(db.dialect.text)")
            for column in ["oldOption", "newOption"] {
                try await db.execute("ALTER TABLE moderationLog ADD COLUMN \(column) \(db.dialect.text)")
            }
        },
        Migration(identifier: "v17: a board's challenge events, each with its panel and the organisations it challenges") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE challengeEvent (\(d.autoIncrementedID), roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                    title \(d.text) NOT NULL, heldOn \(d.text) NOT NULL, panel \(d.text) NOT NULL, scheduledAt \(d.text) NOT NULL,
                    scheduledBy \(d.text) NOT NULL)
                """)
            try await db.execute("""
                CREATE TABLE challengeEventMember (eventID \(d.integer) NOT NULL REFERENCES challengeEvent(id) ON DELETE CASCADE,
                    auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE, PRIMARY KEY (eventID, auditID))
                """)
        },
        Migration(identifier: "v18: peer challenge: organisations paired so that one reviews another's return, and the ratings the peer proposes") { db in
            let d = db.dialect
            // A pairing lasts until the board ends it; the reviewer's coordinators see the return only while it lasts.
            try await db.execute("""
                CREATE TABLE peerPairing (\(d.autoIncrementedID), roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                    reviewerAuditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    revieweeAuditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    pairedAt \(d.text) NOT NULL, pairedBy \(d.text) NOT NULL, endedAt \(d.text), endedBy \(d.text))
                """)
            try await db.execute("CREATE INDEX peerPairingByRound ON peerPairing (roundID)")
            // One proposal per requirement or standard, replaced until the board decides it.
            try await db.execute("""
                CREATE TABLE peerProposal (pairingID \(d.integer) NOT NULL REFERENCES peerPairing(id) ON DELETE CASCADE,
                    kind \(d.text) NOT NULL, scopeID \(d.text) NOT NULL, rag \(d.text) NOT NULL, option \(d.text), reason \(d.text) NOT NULL,
                    byName \(d.text) NOT NULL, at \(d.text) NOT NULL, decision \(d.text), decidedBy \(d.text), decidedAt \(d.text),
                    PRIMARY KEY (pairingID, kind, scopeID))
                """)
        },
        Migration(identifier: "v19: the staff survey figures an organisation submits to the board") { db in
            for column in ["answered", "agreeing"] {
                try await db.execute("ALTER TABLE boardScore ADD COLUMN \(column) \(db.dialect.integer)")
            }
        },
    ] + fromV20

    /// The migrations as GRDB's migrator runs them on SQLite, each in its own transaction.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in
                try CallingThreadExecutor.run { try await migration.apply(GRDBConnection(db: db, thread: $0)) }
            }
        }
        return migrator
    }

    /// Brings a store on `engine` up to date (or up to the migration named, for tests of an
    /// upgrade). On PostgreSQL the missing migrations run in one transaction under the writers'
    /// lock, so two servers starting together migrate once.
    static func migrate(_ engine: any DatabaseEngine, upTo last: String? = nil) async throws {
        let wanted = last.flatMap { last in migrations.firstIndex { $0.identifier == last } }.map { migrations[...$0] } ?? migrations[...]
        if let sqlite = engine as? SQLiteEngine {
            try migrator.migrate(sqlite.writer, upTo: wanted.last!.identifier)
            return
        }
        try await engine.write { db in
            try await db.execute("CREATE TABLE IF NOT EXISTS s11_migrations (identifier TEXT COLLATE \"C\" NOT NULL PRIMARY KEY)")
            let applied = Set(try await db.fetchColumn(String.self, "SELECT identifier FROM s11_migrations", table: "s11_migrations"))
            for migration in wanted where !applied.contains(migration.identifier) {
                try await migration.apply(db)
                try await db.execute("INSERT INTO s11_migrations (identifier) VALUES (?)", [migration.identifier])
            }
            let known = Set(migrations.map(\.identifier))
            if let newer = applied.subtracting(known).sorted().first {
                throw StoreError("this database was written by a newer s11 (it has migration '\(newer)'); upgrade s11 to use it")
            }
        }
    }
}
