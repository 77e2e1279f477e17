import AsyncAlgorithms
import Crypto
import Foundation
import S11Core

/// Reads one staff survey export for the import, a chunk at a time, sending its answer sets to the
/// store as they are read. A large file uses every core: it is cut where records start
/// (`CSVRecordCutter`), its parts are parsed at once on the shared threads and handed over in the
/// file's order, so the store gets the same answer sets in the same order as from one thread.
/// Where a cut proves not to be between records (a quote inside an unquoted field), the rest of
/// the file is read in one piece; a file with problems is read again in one piece, so that each
/// problem is reported at its line.
public struct StaffFileReading: Sendable {
    /// Bytes read at a time; a part is about this long.
    public var chunkBytes: Int
    /// Files at least this long are parsed in parts.
    public var partsFrom: Int
    /// Parts being parsed or waiting to be handed over, at most.
    public var partsAtOnce: Int

    /// A mebibyte at a time, in parts from 4 MiB, four parts at once.
    public init(chunkBytes: Int = 1 << 20, partsFrom: Int = 4 << 20, partsAtOnce: Int = 4) {
        self.chunkBytes = max(chunkBytes, 64)
        self.partsFrom = partsFrom
        self.partsAtOnce = max(partsAtOnce, 1)
    }

    /// What reading a file found.
    struct FileRead: Sendable {
        var count: Int
        var sha256: String
        var dateOrder: DateOrder?
        var problems: [Diagnostic]
        /// How many parts were parsed apart from the import's own reading (0: none).
        var parts: Int
    }

    /// How a file in parts is being read.
    private enum Mode {
        /// The import's own reading reads the header, and what comes with it.
        case header
        /// Parts are parsed apart and handed over.
        case parts
        /// The import's own reading reads the rest, in the file's order.
        case whole
        /// A part found a problem: the file is read again in one piece to report it.
        case failed
    }

    /// Reads the file, sending answer sets through `channel` (when `sending`) while no problem
    /// has been found.
    func read(_ file: String, index: Int, reader: StaffSurveyCSVReader, codebook: StaffCodebook, sending: Bool,
              into channel: AsyncChannel<StaffBatch>) async throws -> FileRead {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        if size < partsFrom {
            return try await readWhole(file, index: index, reader: reader, codebook: codebook, sending: sending, into: channel)
        }
        let read = try await readInParts(file, index: index, reader: reader, codebook: codebook, sending: sending, into: channel)
        guard !read.problems.isEmpty else { return read }
        // A part counts its lines from its own start: the file is read again to say where.
        let again = try await readWhole(file, index: index, reader: reader, codebook: codebook, sending: false, into: channel)
        return again.problems.isEmpty ? read : again
    }

    /// The whole file through one reading.
    private func readWhole(_ file: String, index: Int, reader: StaffSurveyCSVReader, codebook: StaffCodebook, sending: Bool,
                           into channel: AsyncChannel<StaffBatch>) async throws -> FileRead {
        var reading = StaffCSVImport(reader: reader, codebook: codebook, file: file)
        var hash = SHA256()
        let handle = try Self.open(file)
        defer { try? handle.close() }
        while let chunk = try readChunk(of: handle, file: file) {
            chunk.withUnsafeBytes { hash.update(bufferPointer: $0) }
            try chunk.withUnsafeBytes { try reading.feed($0) }
            try await Self.send(&reading, index: index, sending: sending, into: channel)
        }
        try reading.finish()
        try await Self.send(&reading, index: index, sending: sending, into: channel)
        return FileRead(count: reading.count, sha256: Self.hex(hash), dateOrder: reading.dateOrder, problems: reading.problems, parts: 0)
    }

    /// The file cut into parts parsed at once; the header, and the rest of a file whose cuts fail,
    /// through the import's own reading. Problems are found, not placed: lines are counted from
    /// each part's start.
    private func readInParts(_ file: String, index: Int, reader: StaffSurveyCSVReader, codebook: StaffCodebook, sending: Bool,
                             into channel: AsyncChannel<StaffBatch>) async throws -> FileRead {
        var reading = StaffCSVImport(reader: reader, codebook: codebook, file: file)
        var hash = SHA256()
        let handle = try Self.open(file)
        defer { try? handle.close() }
        var cutter = CSVRecordCutter()
        var carried: [UInt8] = []
        var mode = Mode.header
        var made = 0, handedOver = 0
        var template: StaffCSVImport?
        var finished: [Int: (part: StaffCSVImport, reading: StaffCSVImport.PartReading)] = [:]
        var bytesOf: [Int: [UInt8]] = [:]

        /// Bytes read by the import's own reading, in the file's order.
        func readOwn(_ bytes: [UInt8]) async throws {
            do {
                try bytes.withUnsafeBytes { try reading.feed($0) }
            } catch {
                mode = .failed
                return
            }
            try await Self.send(&reading, index: index, sending: sending, into: channel)
        }

        try await withThrowingTaskGroup(of: (Int, StaffCSVImport, StaffCSVImport.PartReading).self) { group in
            /// Hands over the parts parsed, in order, waiting for them until at most `keeping` are left.
            func handOver(keeping: Int) async throws {
                while made - handedOver > keeping {
                    guard let done = finished.removeValue(forKey: handedOver) else {
                        if let (number, part, outcome) = try await group.next() { finished[number] = (part, outcome) }
                        continue
                    }
                    let bytes = bytesOf.removeValue(forKey: handedOver) ?? []
                    handedOver += 1
                    switch (mode, done.reading) {
                    case (.parts, .clean):
                        var part = done.part
                        reading.absorb(part)
                        try await Self.send(&part, index: index, sending: sending, into: channel)
                    case (.parts, .notBetweenRecords):
                        mode = .whole
                        try await readOwn(bytes)
                    case (.parts, .problems):
                        mode = .failed
                    case (.whole, _):
                        try await readOwn(bytes)
                    default:
                        break
                    }
                }
            }

            while let chunk = try readChunk(of: handle, file: file) {
                chunk.withUnsafeBytes { hash.update(bufferPointer: $0) }
                switch mode {
                case .failed:
                    continue
                case .whole:
                    // Every part made is handed over first: these bytes come after them.
                    try await handOver(keeping: 0)
                    try await readOwn(carried + chunk)
                    carried = []
                    continue
                case .header, .parts:
                    break
                }
                let cut = chunk.withUnsafeBytes { cutter.cut($0) }
                guard let cut else {
                    carried.append(contentsOf: chunk)
                    if carried.count > 4 * chunkBytes {
                        // No line feed outside quotes for so long (a long quoted field, or a fooled
                        // cutter): the rest is read whole, after every part made, unless one of
                        // them found a problem.
                        try await handOver(keeping: 0)
                        if mode != .failed {
                            mode = .whole
                            try await readOwn(carried)
                        }
                        carried = []
                    }
                    continue
                }
                let piece = carried + chunk.prefix(cut)
                carried = Array(chunk.suffix(from: chunk.startIndex + cut))
                if mode == .header {
                    try await readOwn(piece)
                    if mode == .header, reading.readsAnswers {
                        // A file with a problem already is refused: it is read again whole to say so.
                        mode = reading.problems.isEmpty ? .parts : .failed
                        template = reading.part()
                    }
                    continue
                }
                try await handOver(keeping: partsAtOnce - 1)
                guard mode == .parts, let template else {
                    // A part handed over just now was not cut between records: this piece follows
                    // every part made, so it is read after them.
                    if mode == .whole {
                        try await handOver(keeping: 0)
                        try await readOwn(piece)
                    }
                    continue
                }
                let number = made
                group.addTask {
                    var part = template
                    let outcome = piece.withUnsafeBytes { part.readPart($0, last: false) }
                    return (number, part, outcome)
                }
                bytesOf[number] = piece
                made += 1
            }
            try await handOver(keeping: 0)
            if mode == .parts, let template {
                var part = template
                let outcome = carried.withUnsafeBytes { part.readPart($0, last: true) }
                finished[made] = (part, outcome)
                made += 1
                try await handOver(keeping: 0)
            } else if mode != .failed {
                try await readOwn(carried)
            }
        }
        if mode == .failed {
            return FileRead(count: reading.count, sha256: Self.hex(hash), dateOrder: nil,
                            problems: [Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                                                       "a part of the file could not be read; import it again")], parts: made)
        }
        try reading.finish()
        try await Self.send(&reading, index: index, sending: sending, into: channel)
        return FileRead(count: reading.count, sha256: Self.hex(hash), dateOrder: reading.dateOrder, problems: reading.problems, parts: made)
    }

    /// Sends the answer sets read since the last call, while the file has no problem.
    private static func send(_ reading: inout StaffCSVImport, index: Int, sending: Bool, into channel: AsyncChannel<StaffBatch>) async throws {
        let block = reading.takeBlock()
        guard sending, reading.problems.isEmpty, !block.isEmpty else { return }
        await channel.send(StaffBatch(file: index, block: block))
        try Task.checkCancellation()
    }

    private static func hex(_ hash: SHA256) -> String {
        hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The file's SHA-256, in hex, read a chunk at a time.
    func sha256(of path: String) throws -> String {
        let handle = try Self.open(path)
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try readChunk(of: handle, file: path) {
            chunk.withUnsafeBytes { hash.update(bufferPointer: $0) }
        }
        return Self.hex(hash)
    }

    /// The file, open for reading.
    private static func open(_ path: String) throws -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                                               "cannot read the file: no such file, or not allowed; check the path")])
        }
        return handle
    }

    /// The file's next chunk, or nil at its end.
    private func readChunk(of handle: FileHandle, file path: String) throws -> Data? {
        do {
            guard let read = try handle.read(upToCount: chunkBytes), !read.isEmpty else { return nil }
            return read
        } catch {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                                               "cannot read the file: \(error.localizedDescription)")])
        }
    }
}
