import Foundation
import S11Core
import S11Store

/// A staff survey export uploaded in the browser, kept aside until the person who uploaded it has
/// checked how its columns were matched: nothing is stored in the audit before they confirm.
/// Each upload waits in a folder of its own under `folder`, named by a random key.
public struct StaffUploads: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// How long an upload waits for its check before it is let go.
    public static let waitsFor: TimeInterval = 24 * 60 * 60

    /// Keeps the uploaded bytes under their file name; returns the key to confirm them by. Uploads
    /// left unchecked for a day are let go first.
    public func keep(_ bytes: [UInt8], name: String, now: Date = Date()) throws -> String {
        discardAbandoned(now: now)
        let key = UUID().uuidString.lowercased()
        let place = folder.appendingPathComponent(key)
        try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try Data(bytes).write(to: place.appendingPathComponent(Self.safeName(name)), options: .atomic)
        return key
    }

    /// The kept file for `key`; nil when there is none (never uploaded, confirmed already, or a made-up key).
    public func file(_ key: String) -> URL? {
        guard UUID(uuidString: key) != nil else { return nil }
        let place = folder.appendingPathComponent(key.lowercased())
        guard let name = try? FileManager.default.contentsOfDirectory(atPath: place.path).first else { return nil }
        return place.appendingPathComponent(name)
    }

    /// How the kept export's columns match the audit's staff survey, with `mapping` applied.
    public func check(_ key: String, session: AuditSession, mapping: [String: String] = [:]) throws
        -> (file: String, columns: [StaffColumnMatch], missing: [(id: String, text: String)]) {
        guard let url = file(key) else { throw ApplicationError("this upload is no longer waiting; upload the file again") }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 256 * 1024) ?? Data()
        let text = String(decoding: head.prefix(through: head.lastIndex(of: UInt8(ascii: "\n")) ?? head.endIndex - 1), as: UTF8.self)
        let matches = try session.staffReader(mapping: mapping).columnMatches(head: text, file: url.lastPathComponent)
        return (url.lastPathComponent, matches.columns, matches.missing)
    }

    /// The earlier import of the same bytes as the kept export, if there is one.
    public func earlierImport(_ key: String, session: AuditSession) async throws -> StaffImportBatch? {
        guard let url = file(key) else { return nil }
        return try await session.staffBatch(importingTheBytesOf: url.path)
    }

    /// Imports the kept export with `mapping` (all its answers or none) and lets it go; a file
    /// imported before is refused unless `again`.
    public func confirm(_ key: String, session: AuditSession, mapping: [String: String], dateOrder: DateOrder?, again: Bool = false,
                        by who: String) async throws -> [StaffImportBatch] {
        guard let url = file(key) else { throw ApplicationError("this upload is no longer waiting; upload the file again") }
        let batches = try await session.importStaffResponses(files: [url.path], mapping: mapping, dateOrder: dateOrder, again: again, by: who)
        discard(key)
        return batches
    }

    /// Lets a kept upload go without importing it.
    public func discard(_ key: String) {
        guard UUID(uuidString: key) != nil else { return }
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(key.lowercased()))
    }

    /// Lets go of every upload kept longer than `waitsFor` without being confirmed or cancelled.
    func discardAbandoned(now: Date) {
        let manager = FileManager.default
        for key in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where UUID(uuidString: key) != nil {
            let place = folder.appendingPathComponent(key)
            if let made = (try? manager.attributesOfItem(atPath: place.path))?[.modificationDate] as? Date,
               now.timeIntervalSince(made) > Self.waitsFor {
                try? manager.removeItem(at: place)
            }
        }
    }

    /// A file name with no folder in it.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.map { $0.isLetter || $0.isNumber || "._- ()".contains($0) ? $0 : "_" })
        return clean.isEmpty || clean.hasPrefix(".") ? "export.csv" : clean
    }
}
