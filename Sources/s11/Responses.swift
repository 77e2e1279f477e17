import ArgumentParser
import Foundation
import S11App
import S11Core
import S11XML

/// `s11 responses import|template|reopen|batches|undo|export`.
struct Responses: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "responses",
        abstract: "Take in officers' returns and the staff survey's answers.",
        subcommands: [Import.self, Template.self, Reopen.self, Batches.self, Undo.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "Import officers' returns (XML or CSV, all files or none) with the documents they name, or with --staff the staff survey's answers.",
            discussion: "A return names each document it attaches from its own folder (<document file=\"evidence/policy.pdf\"/> in the XML, the documents column of the CSV, separated by ';'). A ZIP may hold the returns and their documents together. Every document is checked and scanned as one attached in the browser is; documents attached already stay.")

        @Argument(help: "Return files (.xml or .csv, or a .zip holding them and their documents), or with --staff the staff survey's CSV export.") var files: [String]
        @Flag(help: "The files are staff confidence survey answers: s11's CSV, or a SurveyMonkey or Microsoft Forms export.")
        var staff = false
        @Option(help: "With --staff: a CSV 'column,maps_to' naming the statement (or ignore) for export columns whose text does not match, and 'ID,absent' for a question the export has no column for.")
        var mapping: String?
        @Option(help: ArgumentHelp("With --staff: the order of day and month in the export's dates (dmy: 20/11/2026; mdy: 11/20/2026), when nothing in the file decides it.", valueName: "dmy|mdy"))
        var dateOrder: DateOrder?
        @Flag(help: "With --staff: import a file whose exact bytes were imported into this audit before (its answers then count twice).")
        var again = false
        @OptionGroup var scannerOptions: ScannerOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let settings = AppSettings(scanner: try scannerOptions.scanner(), acceptsUnscannedDocuments: scannerOptions.noScan)
                let session = try await storeOptions.session(selection, settings: settings)
                if staff {
                    for batch in try await session.importStaffResponses(files: files, mappingFile: mapping, dateOrder: dateOrder, again: again) {
                        print("imported \(Counted(batch.answerSets, "anonymous staff response")) from \(batch.fileName) as batch \(batch.id) (identity columns and times dropped; 's11 responses undo \(batch.id)' takes them back)")
                    }
                    return
                }
                if dateOrder != nil || again || mapping != nil {
                    throw CLIError("--mapping, --date-order and --again are for the staff survey's export; add --staff")
                }
                let returns = try await session.returns.importFiles(files)
                let submitted = await Set(try session.officerStatuses()
                    .filter { $0.status == .submitted }.map(\.officer.email))
                let complete = returns.filter { submitted.contains($0.officerEmail) }.count
                print("imported \(Counted(returns.count, "return")) (\(complete) complete and submitted, \(returns.count - complete) in progress)")
            }
        }
    }

    struct Template: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "template",
            abstract: "Write the return an officer fills in: their questions, with guidance and options.")

        @Option(help: "The officer's e-mail address.") var officer: String
        @Option(help: "Write to this file instead of standard output.") var out: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let session = try await storeOptions.session(selection)
                guard let found = try await session.namedOfficers().first(where: { $0.email == officer.lowercased() }) else {
                    throw CLIError("no officer with e-mail '\(officer)' in \(session.audit.organisation) \(session.audit.year)")
                }
                let existing = try await session.storedReturns(includeUnsubmitted: true)
                    .first { $0.officerEmail == found.email }?.answers ?? []
                let data = ReturnXML().template(content: session.content, organisation: session.audit.organisation,
                                                year: session.audit.year, officer: found, existing: existing,
                                                attached: try await session.documents(of: found))
                try emit(data, to: out)
            }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen an officer's submitted return so they can change it at their link.")

        @Option(help: "The officer's e-mail.") var officer: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let session = try await storeOptions.session(selection)
                try await session.reopen(officerEmail: officer)
                print("reopened \(officer)'s return; it counts again once they submit it")
            }
        }
    }

    struct Batches: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "batches", abstract: "List the staff survey files imported into the audit, each a batch.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let session = try await storeOptions.session(selection)
                let batches = try await session.staffBatches()
                guard !batches.isEmpty else {
                    print("no staff survey files imported into \(session.audit.organisation) \(session.audit.year)")
                    return
                }
                let rows = batches.map { batch in
                    [String(batch.id), batch.importedOn.iso, batch.importedBy, String(batch.answerSets), batch.fileName, String(batch.sha256.prefix(16))]
                }
                print(TextTable(header: ["batch", "imported on", "by", "answer sets", "file", "SHA-256 (first 16)"], rows: rows).render())
            }
        }
    }

    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "undo", abstract: "Take one imported staff survey file's answers back out of the audit, in one transaction.")

        @Argument(help: "The batch number, as 's11 responses batches' lists it.") var batch: Int64
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let session = try await storeOptions.session(selection)
                let undone = try await session.undoStaffBatch(batch)
                print("removed batch \(undone.id): \(undone.answerSets) staff answer sets imported from \(undone.fileName) on \(undone.importedOn)")
            }
        }
    }
}

extension DateOrder: ExpressibleByArgument {}
