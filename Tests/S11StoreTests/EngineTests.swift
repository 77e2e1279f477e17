import Foundation
import S11TestSupport
import Synchronization
import Testing
@testable import S11Store
import S11Core

/// What the two engines must share beyond the store's own calls: moving a store between them
/// with checksums that notice any change, writers that lose nothing when they run at once, and
/// PostgreSQL URLs read as a user writes them, errors included.
@Suite struct EngineTests {
    let files: [(kind: String, path: String, data: Data)] = [(kind: "catalogue", path: "Standards/c.xml", data: Data("<catalogue/>".utf8))]

    @Test func aStoreMovesWholeAndTheChecksumsNoticeAnyChange() async throws {
        let source = try await AuditStore()
        let audit = try await source.audits.open(organisation: "Riverside District Council", year: 2026, files: files)
        try await source.officers.import([Officer(name: "Asha Patel", email: "asha@example.org", role: "dso", serviceArea: "Housing")], auditID: audit.id)
        try await source.returns.saveAnswers([Answer(questionID: "Q1", choice: .option("yes"), evidence: "Policy – 2026 ✓", example: nil, reason: nil)],
                               officerEmail: "asha@example.org", auditID: audit.id)
        try await source.staff.saveResponses([StaffResponse(profile: ["service-area": "housing"], answers: ["SC01": "agree"])], auditID: audit.id)
        try await source.accounts.save(email: "lead@riverside.example", passwordHash: "hash", organisation: audit.organisation)
        _ = try await source.accounts.startSession(email: "lead@riverside.example")
        // A document of three chunks, moved byte for byte.
        let document = Data((0..<(DocumentStore.chunkSize * 2 + 500)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let upload = try DocumentStoreTests.upload("policy.pdf", bytes: document, sha256: String(repeating: "ab", count: 32))
        defer { try? FileManager.default.removeItem(at: upload.contents) }
        _ = try await source.documents.attach(upload, questionID: "Q1", officerEmail: "asha@example.org", auditID: audit.id, by: "asha", limits: .standard)

        let target = try await AuditStore(database: TestDatabase.fresh())
        let report = try await source.care.move(into: target)
        #expect(report.tables.first { $0.name == "documentChunk" }?.rows == 3)
        var moved = Data()
        for part in 0..<(try await target.documents.parts(sha256: String(repeating: "ab", count: 32)) ?? 0) {
            moved += try #require(try await target.documents.chunk(sha256: String(repeating: "ab", count: 32), part: part))
        }
        #expect(moved == document)
        #expect(report.tables.map(\.name) == StoreTable.all.map(\.name))
        // Every table the migrations make is moved: a table left off the list would be lost in the move.
        let made = try await source.engine.read { db in
            try await db.fetchColumn(String.self, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'grdb%'", [], table: "sqlite_master")
        }
        #expect(Set(made) == Set(StoreTable.all.map(\.name)))
        #expect(report.tables.first { $0.name == "answer" }?.rows == 1)
        #expect(try await target.returns.find(officerEmail: "asha@example.org", auditID: audit.id).answers.first?.evidence == "Policy – 2026 ✓")
        #expect(try await target.staff.responses(auditID: audit.id) == source.staff.responses(auditID: audit.id))

        // The target's counters carry on past the moved ids.
        let next = try await target.audits.open(organisation: "Hillside Borough Council", year: 2026, files: files)
        #expect(next.id > audit.id)

        // One changed character in one row, and the table's checksum differs.
        let answers = try #require(StoreTable.all.first { $0.name == "answer" })
        let before = try await target.engine.read { try await DataCare.summary(of: answers, in: $0) }
        try await target.engine.write { try await $0.execute("UPDATE answer SET evidence = 'Policy – 2026 x'") }
        let after = try await target.engine.read { try await DataCare.summary(of: answers, in: $0) }
        #expect(before.rows == after.rows && before.checksum != after.checksum)

        // A target that holds anything is refused, and keeps what it held.
        await #expect { try await source.care.move(into: target) } throws: { "\($0)".contains("the target store already holds data") }
        #expect(try await target.audits.all().count == 2)
    }

    @Test func writersAtOnceLoseNothing() async throws {
        // Each writer's answers bring questions the codebook has not seen: each submission reads
        // the codebook, grows it and stores both, which two writers at once must not interleave.
        let location = TestDatabase.fresh(sqlite: FileManager.default.temporaryDirectory.appendingPathComponent("s11-\(UUID().uuidString).sqlite").path)
        let store = try await AuditStore(database: location)
        let audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026, files: files)
        let writers = 6, each = 20
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<each {
                        let response = StaffResponse(profile: [:], answers: ["W\(writer)-\(index)": "agree", "SC01": "agree"])
                        try await store.staff.saveResponses([response], auditID: audit.id)
                    }
                }
            }
            try await group.waitForAll()
        }
        let stored = try await store.staff.responses(auditID: audit.id)
        #expect(stored.count == writers * each)
        for writer in 0..<writers {
            for index in 0..<each {
                #expect(stored.contains { $0.answers == ["W\(writer)-\(index)": "agree", "SC01": "agree"] }, "W\(writer)-\(index)")
            }
        }
    }

    @Test func postgresURLsAreReadAsLibpqReadsThemAndMistakesAreNamed() throws {
        let location = try PostgresLocation(url: "postgres://s11:secret@db.example:6543/board?sslmode=require&schema=riverside&pool=4")
        #expect(location.configuration.host == "db.example" && location.configuration.port == 6543)
        #expect(location.configuration.username == "s11" && location.configuration.password == "secret")
        #expect(location.configuration.database == "board" && location.schema == "riverside" && location.poolSize == 4)
        #expect(location.configuration.tls.isEnforced)
        #expect(!location.redacted.contains("secret"))
        let socket = try PostgresLocation(url: "postgresql:///board?host=/var/run/postgresql")
        #expect(socket.configuration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5432")
        let socketPort = try PostgresLocation(url: "postgresql:///board?host=/var/run/postgresql&port=5433")
        #expect(socketPort.configuration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5433")

        for (url, message) in [
            ("postgres://u:secret@h/db?sslmode=verify-all", "sslmode 'verify-all' is not one s11 knows"),
            ("postgres://u:secret@h/db?search_path=x", "unknown parameter 'search_path'"),
            ("postgres://u:secret@h/db?schema=Robert%27);DROP", "schema 'Robert');DROP' must be lower-case letters"),
            ("postgres://u:secret@h/db?pool=0", "pool must be a number of connections from 1 to 200"),
            ("postgres://u:secret@h/db?port=fifty", "port 'fifty' is not a number"),
        ] {
            #expect { try PostgresLocation(url: url) } throws: { error in
                "\(error)".contains(message) && !"\(error)".contains("secret")
            }
        }
    }

    @Test func questionMarksBecomeNumberedParametersOutsideQuotes() {
        #expect(PostgresSession.numberedParameters("SELECT '?', ? FROM \"a?\" WHERE x = ? AND y = 'it''s ?'")
                == "SELECT '?', $1 FROM \"a?\" WHERE x = $2 AND y = 'it''s ?'")
    }

    @Test func aServerThatIsNotThereIsNamedWithoutItsPassword() async throws {
        await #expect {
            try await AuditStore(database: "postgres://s11:secret@127.0.0.1:1/board?sslmode=disable")
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot connect to PostgreSQL at postgres://s11:***@127.0.0.1:1/board") && !text.contains("secret")
        }
    }

    @Test func restoringIntoAServerIsRefusedBeforeAnythingIsRead() async throws {
        await #expect {
            try await DataCare.restore(from: "/nowhere/backup.sqlite", to: "postgres://s11:secret@127.0.0.1:1/board", replace: true)
        } throws: { "\($0)" == "s11 restore writes an SQLite file; to move a store onto PostgreSQL use 's11 migrate-store --from FILE --to URL'" }
    }

    /// Transactions that wait for the server hold no thread while they wait: ten of them all wait
    /// on the server at once (for a lock this test holds), on a machine where Swift keeps one
    /// thread per core. Were each wait to hold a thread, no more than a few could be waiting and
    /// the test would fail at its deadline.
    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func transactionsWaitingForTheServerHoldNoThread() async throws {
        let store = try await AuditStore(database: try #require(TestDatabase.freshPostgres()) + "&pool=11")
        let waiters = 10
        var seen = 0
        let readers = try await store.engine.write { holder in
            try await holder.execute("SELECT pg_advisory_xact_lock(5312)")
            let readers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<waiters {
                        group.addTask { _ = try await store.engine.read { try await $0.execute("SELECT pg_advisory_xact_lock_shared(5312)") } }
                    }
                    try await group.waitForAll()
                }
            }
            let deadline = ContinuousClock.now + .seconds(60)
            while seen < waiters && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                seen = Int(try await holder.fetchValue(Int64.self, """
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 5312 AND NOT granted
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    """, table: "pg_locks") ?? 0)
            }
            return readers
        }
        try await readers.value
        #expect(seen == waiters, "only \(seen) of \(waiters) transactions were waiting on the server at once")
    }

    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func aServerStoreWrittenByANewerS11IsRefused() async throws {
        let url = try #require(TestDatabase.freshPostgres())
        let store = try await AuditStore(database: url)
        try await store.engine.write { try await $0.execute("INSERT INTO s11_migrations (identifier) VALUES ('v99: from the future')") }
        await #expect { try await AuditStore(database: url) } throws: {
            "\($0)".contains("this database was written by a newer s11 (it has migration 'v99: from the future'); upgrade s11 to use it")
        }
    }

    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func backupsOfAServerStoreAreTheServersJob() async throws {
        let store = try await AuditStore(database: try #require(TestDatabase.freshPostgres()))
        #expect { try store.care.backup(to: "/tmp/never.sqlite") } throws: { "\($0)".contains("back it up with pg_dump") }
    }

    /// Many rows inserted at once (through COPY on PostgreSQL) come back exactly as given: text with
    /// tabs, line breaks and backslashes, "\\N" and the empty string (not NULL), every byte of a blob.
    @Test func bulkInsertsKeepEveryValueAsGiven() async throws {
        let store = try await AuditStore(database: TestDatabase.fresh())
        let texts: [String?] = ["a\tb\nc\\d\re", "\\.", "\\N", "", nil, "Ħ 🙂 ünïcode", "plain"]
        let rows: [(id: Int64, label: String?, data: [UInt8]?, amount: Double)] = (0..<450).map { (n: Int) in
            let data: [UInt8]? = n % 5 == 0 ? nil : (0..<256).map { (byte: Int) in UInt8((byte + n) % 256) }
            return (Int64(n) - 225, texts[n % texts.count], data, Double(n) / 8 - 7)    // ids below zero too
        }
        var buffers: [UnsafeMutableRawBufferPointer] = []
        defer { buffers.forEach { $0.deallocate() } }
        let borrowed: [[SQLBorrowedValue]] = rows.dropFirst(300).map { row in
            func bytes(_ bytes: [UInt8]) -> UnsafeRawBufferPointer {
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
                buffer.copyBytes(from: bytes)
                buffers.append(buffer)
                return UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count])
            }
            return [.integer(row.id), row.label.map { .text(bytes(Array($0.utf8))) } ?? .null, row.data.map { .blob(bytes($0)) } ?? .null, .null]
        }
        try await store.engine.write { db in
            let (blob, real) = db.dialect == .postgres ? ("BYTEA", "DOUBLE PRECISION") : ("BLOB", "REAL")
            try await db.execute("CREATE TABLE bulk (id INTEGER, label TEXT, data \(blob), amount \(real))")
            try await db.insertRows(into: "bulk", columns: ["id", "label", "data", "amount"], rows.prefix(300).map { row in
                [.integer(row.id), row.label.map(SQLValue.text) ?? .null, row.data.map { .blob(Data($0)) } ?? .null, .real(row.amount)]
            })
            var next = borrowed.startIndex
            try await db.insertRows(into: "bulk", columns: ["id", "label", "data", "amount"]) { row in
                guard next < borrowed.endIndex else { return false }
                row = borrowed[next]
                next += 1
                return true
            }
        }
        let read = try await store.engine.read { db in try await db.fetchAll("SELECT id, label, data, amount FROM bulk ORDER BY id") }
        #expect(read.count == rows.count)
        for (got, row) in zip(read, rows) {
            let expected: [SQLValue] = [.integer(row.id), row.label.map(SQLValue.text) ?? .null, row.data.map { .blob(Data($0)) } ?? .null,
                                        row.id < 75 ? .real(row.amount) : .null]
            #expect(got.values == expected, "row \(row.id)")
        }
    }

    /// On PostgreSQL a write to one audit does not wait for another audit's, while that audit's own
    /// next write and a write that stops everything do wait (both seen waiting on the server).
    @Test(.enabled(if: TestDatabase.onPostgres, "needs S11_TEST_DATABASE_URL"))
    func writesToTwoAuditsGoThroughAtOnce() async throws {
        let store = try await AuditStore(database: try #require(TestDatabase.freshPostgres()) + "&pool=6")
        let holder = await HeldWrite(store, [.audit(1)])
        let otherDone = Mutex(false)
        let other = Task {
            try await store.engine.write(locking: .audit(2)) { db in try await db.execute("SELECT 2") }
            otherDone.withLock { $0 = true }
        }
        let otherDeadline = ContinuousClock.now + .seconds(30)
        while !otherDone.withLock({ $0 }) && ContinuousClock.now < otherDeadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(otherDone.withLock { $0 }, "audit 2's write waited for audit 1's")  // it went through while audit 1's write was open
        let sameAudit = Task { try await store.engine.write(locking: .audit(1)) { db in try await db.execute("SELECT 1") } }
        let everything = Task { try await store.engine.write { db in try await db.execute("SELECT 1") } }
        var waiting = 0
        let deadline = ContinuousClock.now + .seconds(30)
        while waiting < 2 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            waiting = Int(try await store.engine.read { db in
                try await db.fetchValue(Int64.self, """
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND ((classid = 5311 AND objid::bigint = (hashtext(current_schema())::bigint & 4294967295))
                             OR (classid::bigint = (hashtext(current_schema())::bigint & 4294967295) AND objid = 1 AND objsubid = 2))
                    """, table: "pg_locks")
            } ?? 0)
        }
        #expect(waiting == 2, "\(waiting) writes were waiting, not audit 1's second and the one that stops everything")
        try await holder.end()
        try await other.value
        _ = try await sameAudit.value
        _ = try await everything.value
    }
}
