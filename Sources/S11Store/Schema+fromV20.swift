import Foundation
import S11Core

/// The schema's migrations from v20 on, in the order they run (`Schema.migrations` runs these after
/// the earlier ones). Never edit a shipped migration: add one at the end.
extension Schema {
    static let fromV20: [Migration] = [
        Migration(identifier: "v20: organisations a board reads through a crosswalk from their return to another board") { db in
            let d = db.dialect
            // The crosswalk files as the round was opened with them, so later edits never change its reading.
            try await db.execute("""
                CREATE TABLE roundCrosswalk (roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                    crosswalkID \(d.text) NOT NULL, body \(d.blob) NOT NULL, PRIMARY KEY (roundID, crosswalkID))
                """)
            // A member organisation whose one return (its audit in another board's round) this round reads.
            try await db.execute("""
                CREATE TABLE roundReading (roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                    auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE, sector \(d.text) NOT NULL,
                    leadName \(d.text) NOT NULL, leadEmail \(d.text) NOT NULL, crosswalkID \(d.text) NOT NULL, PRIMARY KEY (roundID, auditID))
                """)
        },
        Migration(identifier: "v21: the board a board user works for, whose rounds and members alone they see") { db in
            // NULL for an organisation's coordinator, and for a board user from before boards were
            // named, who keeps seeing every round on the server.
            try await db.execute("ALTER TABLE coordinator ADD COLUMN board \(db.dialect.text)")
        },
        Migration(identifier: "v22: a board's own moderation of a return it reads through a crosswalk, in its catalogue's terms") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE readingModeration (roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                    auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE, kind \(d.text) NOT NULL, scopeID \(d.text) NOT NULL,
                    rag \(d.text) NOT NULL, option \(d.text), reason \(d.text) NOT NULL, byName \(d.text) NOT NULL, at \(d.text) NOT NULL,
                    PRIMARY KEY (roundID, auditID, kind, scopeID))
                """)
        },
        Migration(identifier: "v23: the plan a board drafts, in its own terms, for a return it reads through a crosswalk") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE readingPlan (roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                    auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE, body \(d.blob) NOT NULL, updatedAt \(d.text) NOT NULL,
                    PRIMARY KEY (roundID, auditID))
                """)
        },
        Migration(identifier: "v24: an officer keeps every link they were sent (a reminder adds one), each stored by its hash") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE officerLink (tokenSHA256 \(d.blob) NOT NULL PRIMARY KEY,
                    officerID \(d.integer) NOT NULL REFERENCES officer(id) ON DELETE CASCADE, issuedAt \(d.text) NOT NULL)
                """)
            try await db.execute("INSERT INTO officerLink (tokenSHA256, officerID, issuedAt) SELECT tokenSHA256, officerID, issuedAt FROM invitation")
            try await db.execute("DROP TABLE invitation")
            try await db.execute("CREATE INDEX officerLinkOfficer ON officerLink (officerID)")
        },
        Migration(identifier: "v25: a coordinator's display name, the author plans show, given when they are invited") { db in
            try await db.execute("ALTER TABLE coordinator ADD COLUMN displayName \(db.dialect.text)")
            try await db.execute("ALTER TABLE coordinatorInvitation ADD COLUMN displayName \(db.dialect.text)")
        },
        Migration(identifier: "v26: each officer's return keeps its history: submitted, stored from a file, reopened and why") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE returnEvent (\(d.autoIncrementedID), officerID \(d.integer) NOT NULL REFERENCES officer(id) ON DELETE CASCADE,
                    kind \(d.text) NOT NULL, at \(d.text) NOT NULL, by \(d.text) NOT NULL, note \(d.text))
                """)
            try await db.execute("CREATE INDEX returnEventOfficer ON returnEvent (officerID)")
        },
        Migration(identifier: "v27: how an officer will know their improvement worked, the plan's measure in their words") { db in
            try await db.execute("ALTER TABLE answer ADD COLUMN improvementMeasure \(db.dialect.text)")
        },
        Migration(identifier: "v28: each audit's reminder schedule, and each scheduled reminder claimed once, whichever server sends it") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE reminderSchedule (auditID \(d.integer) NOT NULL PRIMARY KEY REFERENCES audit(id) ON DELETE CASCADE,
                    \(ReminderScheduleRow.columns(d)))
                """)
            // The key is the claim: a second server's INSERT for the same officer and day changes nothing, so it does not send.
            try await db.execute("""
                CREATE TABLE reminderClaim (officerID \(d.integer) NOT NULL REFERENCES officer(id) ON DELETE CASCADE,
                    day \(d.text) NOT NULL, claimedAt \(d.text) NOT NULL, PRIMARY KEY (officerID, day))\(d.withoutRowID)
                """)
        },
        Migration(identifier: "v29: each board round's reminders to the leads whose self-assessment the board does not hold yet") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE roundReminderSchedule (roundID \(d.integer) NOT NULL PRIMARY KEY REFERENCES round(id) ON DELETE CASCADE,
                    \(ReminderScheduleRow.columns(d)))
                """)
            // Claimed before it is sent (the key keeps a second server off it), then what the mail program said.
            try await db.execute("""
                CREATE TABLE leadReminder (auditID \(d.integer) NOT NULL REFERENCES roundMember(auditID) ON DELETE CASCADE,
                    day \(d.text) NOT NULL, claimedAt \(d.text) NOT NULL, accepted \(d.integer), detail \(d.text),
                    PRIMARY KEY (auditID, day))\(d.withoutRowID)
                """)
        },
        Migration(identifier: "v30: OpenID Connect providers accounts sign in through, and each sign-in begun at one, used once") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE signOnProvider (name \(d.text) NOT NULL PRIMARY KEY, label \(d.text) NOT NULL, issuer \(d.text) NOT NULL,
                    clientID \(d.text) NOT NULL, clientSecret \(d.text) NOT NULL, domains \(d.text) NOT NULL,
                    organisation \(d.text), board \(d.text), addedAt \(d.text) NOT NULL)
                """)
            // Kept by the state's hash until the provider sends the browser back (or ten minutes pass); deleted when used.
            try await db.execute("""
                CREATE TABLE signOnAttempt (stateSHA256 \(d.blob) NOT NULL PRIMARY KEY,
                    provider \(d.text) NOT NULL REFERENCES signOnProvider(name) ON DELETE CASCADE,
                    nonce \(d.text) NOT NULL, verifier \(d.text) NOT NULL, expiresAt \(d.double) NOT NULL)
                """)
        },
        Migration(identifier: "v31: a session ends after a while without use, and a form posted after it is kept for its account to send") { db in
            let d = db.dialect
            try await db.execute("ALTER TABLE coordinatorSession ADD COLUMN lastSeenAt \(d.double)")
            try await db.execute("UPDATE coordinatorSession SET lastSeenAt = expiresAt - 28800")    // when each began (they last 8 hours)
            // Kept by its token's hash for an hour, for the account whose session had ended, and taken once.
            try await db.execute("""
                CREATE TABLE keptForm (tokenSHA256 \(d.blob) NOT NULL PRIMARY KEY,
                    email TEXT COLLATE NOCASE NOT NULL REFERENCES coordinator(email) ON DELETE CASCADE,
                    path \(d.text) NOT NULL, body \(d.text) NOT NULL, expiresAt \(d.double) NOT NULL)
                """)
        },
        Migration(identifier: "v32: an append-only trail of every change to an audit, written in the transaction that makes it") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE trail (\(d.autoIncrementedID), auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    at \(d.double) NOT NULL, who \(d.text) NOT NULL, subject \(d.text) NOT NULL, officer TEXT COLLATE NOCASE,
                    item \(d.text), field \(d.text), old \(d.text), new \(d.text))
                """)
            try await db.execute("CREATE INDEX trailByAudit ON trail (auditID, at)")
            // Nothing rewrites an entry: an UPDATE fails on both engines. (Erasing an officer deletes theirs.)
            if d == .sqlite {
                try await db.execute("CREATE TRIGGER trailIsAppendOnly BEFORE UPDATE ON trail BEGIN SELECT RAISE(ABORT, 'the change trail is append-only'); END")
            } else {
                try await db.execute("""
                    CREATE FUNCTION trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'the change trail is append-only'; END $$
                    """)
                try await db.execute("CREATE TRIGGER trailIsAppendOnly BEFORE UPDATE ON trail FOR EACH ROW EXECUTE FUNCTION trail_is_append_only()")
            }
        },
        Migration(identifier: "v33: evidence documents attached to officers' answers, their bytes kept once by SHA-256 in chunks") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE documentContent (sha256 \(d.text) NOT NULL PRIMARY KEY, size \(d.integer) NOT NULL, parts \(d.integer) NOT NULL)
                """)
            try await db.execute("""
                CREATE TABLE documentChunk (sha256 \(d.text) NOT NULL REFERENCES documentContent(sha256) ON DELETE CASCADE,
                    part \(d.integer) NOT NULL, bytes \(d.blob) NOT NULL, PRIMARY KEY (sha256, part))
                """)
            try await db.execute("""
                CREATE TABLE document (\(d.autoIncrementedID), officerID \(d.integer) NOT NULL REFERENCES officer(id) ON DELETE CASCADE,
                    questionID \(d.text) NOT NULL, name \(d.text) NOT NULL, type \(d.text) NOT NULL, size \(d.integer) NOT NULL,
                    sha256 \(d.text) NOT NULL REFERENCES documentContent(sha256), uploadedAt \(d.double) NOT NULL, uploadedBy \(d.text) NOT NULL,
                    UNIQUE (officerID, questionID, sha256))
                """)
            try await db.execute("CREATE INDEX documentByContent ON document (sha256)")
            // Each file refused (a virus scanner named it): who, when, what it was called and why. None of its bytes.
            try await db.execute("""
                CREATE TABLE documentRefusal (\(d.autoIncrementedID), auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                    officerEmail \(d.text) NOT NULL, name \(d.text) NOT NULL, at \(d.double) NOT NULL, reason \(d.text) NOT NULL)
                """)
        },
        Migration(identifier: "v34: last year's evidence documents offered with the answers they came with, marked until kept or removed") { db in
            try await db.execute("ALTER TABLE document ADD COLUMN carried \(db.dialect.integer) NOT NULL DEFAULT 0")
        },
        Migration(identifier: "v35: what a round's page reads of the organisations the board holds, kept up to date as they submit") { db in
            let d = db.dialect
            // A row per organisation held: its heatmap row's lines (cells), the lines its counts came from, and the keys
            // its heatmap is ordered and narrowed by.
            try await db.execute("""
                CREATE TABLE roundFigure (auditID \(d.integer) NOT NULL PRIMARY KEY REFERENCES audit(id) ON DELETE CASCADE,
                    roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE, organisation \(d.text) NOT NULL,
                    organisationKey \(d.text) NOT NULL, nameKey \(d.text) NOT NULL, sector \(d.text) NOT NULL, sectorKey \(d.text) NOT NULL,
                    overall \(d.double), moderated \(d.integer) NOT NULL, blueStandards \(d.integer) NOT NULL, greenStandards \(d.integer) NOT NULL,
                    amberStandards \(d.integer) NOT NULL, redStandards \(d.integer) NOT NULL, cells \(d.text) NOT NULL, lines \(d.text) NOT NULL)
                """)
            try await db.execute("CREATE INDEX roundFigureByOverall ON roundFigure (roundID, overall, nameKey)")
            try await db.execute("CREATE INDEX roundFigureByName ON roundFigure (roundID, organisationKey)")
            // Each sector's counts of the organisations held (RoundTally.Key's text).
            try await db.execute("""
                CREATE TABLE roundTally (roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE, sector \(d.text) NOT NULL,
                    tally \(d.text) NOT NULL, count \(d.integer) NOT NULL, PRIMARY KEY (roundID, sector, tally))\(d.withoutRowID)
                """)
            // The organisations held each requirement is a gap in, in the order their names are read.
            try await db.execute("""
                CREATE TABLE roundGap (roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE, requirementID \(d.text) NOT NULL,
                    sector \(d.text) NOT NULL, nameKey \(d.text) NOT NULL,
                    auditID \(d.integer) NOT NULL REFERENCES audit(id) ON DELETE CASCADE, organisation \(d.text) NOT NULL,
                    PRIMARY KEY (roundID, requirementID, nameKey, auditID))\(d.withoutRowID)
                """)
            try await db.execute("CREATE INDEX roundGapByAudit ON roundGap (auditID)")
            // A round's page asks of each member whether any officer has started, and counts a page's officers by status.
            try await db.execute("CREATE INDEX officerByAuditAndStatus ON officer (auditID, status)")
            // Filled in by v37, with what RoundFigures keeps today.
        },
        Migration(identifier: "v36: a round's heatmap, worst first, read a page at a time from an index rather than sorted whole") { db in
            // The heatmap's order puts organisations without an overall last (`overall IS NULL`), which the
            // index on (roundID, overall, nameKey) could not give: every request sorted the whole round.
            try await db.execute("DROP INDEX roundFigureByOverall")
            try await db.execute("CREATE INDEX roundFigureWorstFirst ON roundFigure (roundID, (overall IS NULL), overall, nameKey)")
        },
        Migration(identifier: "v37: a round's counts kept summed over its sectors, its staff counts found by key, its changes read from an index") { db in
            let d = db.dialect
            try await db.execute("""
                CREATE TABLE roundTotal (roundID \(d.integer) NOT NULL REFERENCES round(id) ON DELETE CASCADE, tally \(d.text) NOT NULL,
                    count \(d.integer) NOT NULL, PRIMARY KEY (roundID, tally))\(d.withoutRowID)
                """)
            try await db.execute("CREATE INDEX roundTallyByKey ON roundTally (roundID, tally)")
            // Whether an organisation's overall changed since last year is read from the index alone, not from its row (its lines).
            try await db.execute("DROP INDEX roundFigureByName")
            try await db.execute("CREATE INDEX roundFigureByName ON roundFigure (roundID, organisationKey, overall)")
            // The figures worked out again from what the board holds, by today's RoundFigures: a store from
            // before v35 has none, and one from before this has no totals. A migration that changes what
            // RoundFigures keeps moves this to its own end.
            for table in ["roundGap", "roundTally", "roundFigure"] { try await db.execute("DELETE FROM \(table)") }
            for auditID in try await db.fetchColumn(Int64.self, "SELECT auditID FROM roundMember WHERE submittedAt IS NOT NULL ORDER BY auditID",
                                                    table: "roundMember") {
                try await RoundFigures.keep(auditID: auditID, db: db)
            }
        },
        Migration(identifier: "v38: on PostgreSQL, a staff answer set's audit checked once a statement rather than once a row") { db in
            // PostgreSQL checks a foreign key with a query per row, after the statement: importing a
            // million answer sets spent seven tenths of its COPY there, with s11 waiting. The same rule,
            // set-based: a statement's new answer sets must name audits the store holds (locked as the
            // key check locks them, against their deletion), and deleting an audit deletes its answer sets.
            // The functions find the tables on the connection's search_path, the store's schema, as every
            // statement does: a function's own search_path would have each call plan its queries again
            // (118 µs a single-row insert against the key's 21 µs; 32 µs without).
            guard db.dialect == .postgres else { return }
            try await db.execute("ALTER TABLE staffAnswerSet DROP CONSTRAINT staffanswerset_auditid_fkey")
            try await db.execute("""
                CREATE FUNCTION staff_answer_sets_name_held_audits() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT FROM (SELECT DISTINCT auditID FROM added) named
                               WHERE NOT EXISTS (SELECT FROM audit WHERE audit.id = named.auditID FOR KEY SHARE)) THEN
                        RAISE EXCEPTION 'a staff answer set names an audit the store does not hold' USING ERRCODE = 'foreign_key_violation';
                    END IF;
                    RETURN NULL;
                END $$
                """)
            for event in ["INSERT", "UPDATE"] {
                try await db.execute("""
                    CREATE TRIGGER staffAnswerSetsNameHeldAudits\(event == "INSERT" ? "Added" : "Changed") AFTER \(event) ON staffAnswerSet
                        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION staff_answer_sets_name_held_audits()
                    """)
            }
            try await db.execute("""
                CREATE FUNCTION audits_take_their_staff_answer_sets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        DELETE FROM staffAnswerSet WHERE auditID IN (SELECT id FROM removed);
                    ELSIF EXISTS (SELECT 1 FROM staffAnswerSet WHERE auditID IN (SELECT id FROM removed EXCEPT SELECT id FROM kept)) THEN
                        RAISE EXCEPTION 'an audit with staff answer sets keeps its number' USING ERRCODE = 'foreign_key_violation';
                    END IF;
                    RETURN NULL;
                END $$
                """)
            try await db.execute("""
                CREATE TRIGGER auditsTakeTheirStaffAnswerSets AFTER DELETE ON audit
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION audits_take_their_staff_answer_sets()
                """)
            try await db.execute("""
                CREATE TRIGGER auditsKeepTheirNumbers AFTER UPDATE ON audit
                    REFERENCING OLD TABLE AS removed NEW TABLE AS kept FOR EACH STATEMENT EXECUTE FUNCTION audits_take_their_staff_answer_sets()
                """)
        },
    ]
}
