import ArgumentParser
import Foundation
import S11App

extension Responses {
    /// `s11 responses export`: every answer as CSV, streamed.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export",
            abstract: "Export every officer's answers, or with --staff the anonymous staff answers, as CSV.",
            discussion: "Staff answer sets in a service area and role with fewer than 5 have their profile blanked, so nobody can be picked out. Cells a spreadsheet would run as a formula are neutralised.")

        @Flag(help: "The anonymous staff survey's answers instead of the officers'.") var staff = false
        @Option(help: "The file to write; standard output when absent.") var out: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let export = await ResponsesExport(session: try storeOptions.session(selection))
                let output = try StreamedOutput(path: out)
                if staff { try await export.staff(to: { try output.write($0) }) } else { try await export.officers(to: output.write) }
                try output.finish()
                if let out { print("wrote \(out)") }
            }
        }
    }
}

/// Text written in 64 KiB pieces to a file (replaced only once it is whole) or to standard output.
final class StreamedOutput {
    private let handle: FileHandle
    private let path: String?
    private let partial: String?
    private var buffer = Data()

    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = .standardOutput
            partial = nil
            return
        }
        if isSpecialFile(path) {
            // A device or pipe is written to as it is, never replaced.
            guard let opened = FileHandle(forWritingAtPath: path) else { throw CLIError("cannot write \(path)") }
            handle = opened
            partial = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let part = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).part").path
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: part, contents: nil), let opened = FileHandle(forWritingAtPath: part) else {
                throw CLIError("cannot write \(path)")
            }
            handle = opened
        }
        partial = part
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    func finish() throws {
        try flush()
        guard let partial, let path else { return }
        try handle.close()
        _ = try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
