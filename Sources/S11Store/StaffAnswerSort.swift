import Foundation
import S11Core

/// An import's answer sets put in the order of fresh random keys, in bounded memory. Each answer
/// set is given its key as it comes; a run of them is sorted in memory and, when more follow,
/// written to an unlinked temporary file; `next` then merges the runs. Stored in key order, a
/// million answer sets go into the table one beside the other instead of each onto a random page,
/// and the keys, not the file's order, are all the table keeps of where each came from.
final class StaffAnswerSort {
    /// Each record: its key, its file's index (2 bytes), its packed day (4 bytes), its codes.
    static let keyLength = 16
    private static let headerLength = keyLength + 6

    /// Codes per answer set.
    let width: Int
    private let recordLength: Int
    private let runLength: Int
    /// The run being filled: `runLength` records' room, allocated when the first comes.
    private var run: UnsafeMutableRawPointer?
    private var inRun = 0
    private var runs: [(offset: Int, count: Int)] = []
    private var spill: Int32 = -1
    private var spilled = 0
    private var readers: [RunReader] = []
    /// The run's records in key order, when it is the only one; and the next to give.
    private var order: [Int32] = []
    private var given = 0
    private(set) var count = 0

    /// Runs of at most about `runBytes` each.
    init(width: Int, runBytes: Int = 12 << 20) {
        self.width = width
        recordLength = Self.headerLength + width
        runLength = max(2, runBytes / recordLength)
    }

    deinit {
        if spill >= 0 { close(spill) }
        run?.deallocate()
    }

    /// Gives each answer set of the block a fresh random key and takes it in.
    func add(_ block: StaffAnswerBlock, file: Int) throws {
        precondition(block.width == width, "every block of an import is packed by the same codebook")
        guard file <= Int(UInt16.max) else {
            throw StoreError("an import takes at most \(UInt16.max) files at once; import the rest in another")
        }
        let keys = SecureRandom.bytes(block.count * Self.keyLength)
        var index = 0
        while index < block.count {
            if inRun == runLength { try spillRun() }
            if run == nil { run = .allocate(byteCount: runLength * recordLength, alignment: 8) }
            let taken = min(runLength - inRun, block.count - index)
            let run = run!
            keys.withUnsafeBytes { keys in
                block.codes.withUnsafeBytes { codes in
                    for offset in 0..<taken {
                        let source = index + offset
                        let record = run + (inRun + offset) * recordLength
                        record.copyMemory(from: keys.baseAddress! + source * Self.keyLength, byteCount: Self.keyLength)
                        record.storeBytes(of: UInt16(file).littleEndian, toByteOffset: Self.keyLength, as: UInt16.self)
                        record.storeBytes(of: block.days[source].littleEndian, toByteOffset: Self.keyLength + 2, as: UInt32.self)
                        if width > 0 {
                            (record + Self.headerLength).copyMemory(from: codes.baseAddress! + source * width, byteCount: width)
                        }
                    }
                }
            }
            inRun += taken
            index += taken
            count += taken
        }
    }

    /// Ends the input: from here on `next` gives the records in key order.
    func finish() throws {
        if runs.isEmpty {
            order = sortedRun()
            return
        }
        if inRun > 0 { try spillRun() }
        run?.deallocate()
        run = nil
        let bufferRecords = max(1, (256 << 10) / recordLength)
        readers = runs.map { RunReader(file: spill, offset: $0.offset, count: $0.count, recordLength: recordLength, bufferRecords: bufferRecords) }
        for reader in readers { try reader.advance() }
        readers.removeAll { $0.current == nil }
        // A binary heap on each run's current key.
        for index in stride(from: readers.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    /// The next record in key order (valid until the next call), or nil when all are given.
    func next() throws -> Record? {
        if runs.isEmpty {
            guard given < order.count, let run else { return nil }
            defer { given += 1 }
            return Record(bytes: UnsafeRawBufferPointer(start: run + Int(order[given]) * recordLength, count: recordLength))
        }
        if let previous = lastReader {
            // The record given last came from the heap's top, which has not moved since.
            try previous.advance()
            if previous.current == nil {
                readers.swapAt(0, readers.count - 1)
                readers.removeLast()
            }
            if !readers.isEmpty { siftDown(0) }
        }
        lastReader = readers.first
        return lastReader.map { Record(bytes: $0.current!) }
    }

    /// The run whose record `next` gave last.
    private var lastReader: RunReader?

    /// One answer set as sorted: its key, file, day and codes.
    struct Record {
        let bytes: UnsafeRawBufferPointer

        var key: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[0..<StaffAnswerSort.keyLength]) }
        var file: Int { Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: StaffAnswerSort.keyLength, as: UInt16.self))) }
        var day: UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: StaffAnswerSort.keyLength + 2, as: UInt32.self)) }
        var codes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[StaffAnswerSort.headerLength...]) }
    }

    // MARK: Runs

    /// The run's records in the order of their keys' first eight bytes (which are random: two
    /// alike are a little out of order, and nothing else follows from it).
    private func sortedRun() -> [Int32] {
        guard let run else { return [] }
        var entries = (0..<inRun).map { index in
            (key: UInt64(bigEndian: run.loadUnaligned(fromByteOffset: index * recordLength, as: UInt64.self)), index: Int32(index))
        }
        entries.sort { $0.key < $1.key }
        return entries.map(\.index)
    }

    private func spillRun() throws {
        if spill < 0 { spill = try Self.temporaryFile() }
        let sorted = sortedRun()
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        for index in sorted {
            out.append(contentsOf: UnsafeRawBufferPointer(start: run! + Int(index) * recordLength, count: recordLength))
            if out.count >= 1 << 20 {
                try Self.write(out, to: spill)
                out.removeAll(keepingCapacity: true)
            }
        }
        try Self.write(out, to: spill)
        runs.append((spilled, inRun))
        spilled += inRun * recordLength
        inRun = 0
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < readers.count, readers[left].key < readers[smallest].key { smallest = left }
            if right < readers.count, readers[right].key < readers[smallest].key { smallest = right }
            guard smallest != parent else { return }
            readers.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// A new temporary file, already unlinked: nothing is left behind however the import ends.
    private static func temporaryFile() throws -> Int32 {
        var template = Array((FileManager.default.temporaryDirectory.path + "/s11-import-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else {
            throw StoreError("cannot make a temporary file to sort the import in (\(String(cString: strerror(errno)))); check that \(FileManager.default.temporaryDirectory.path) is writable, or set TMPDIR")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return file
    }

    private static func write(_ bytes: [UInt8], to file: Int32) throws {
        try bytes.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let written = Foundation.write(file, bytes.baseAddress! + done, bytes.count - done)
                guard written > 0 else {
                    throw StoreError("cannot write the import's temporary file (\(String(cString: strerror(errno)))); check the free space in \(FileManager.default.temporaryDirectory.path), or set TMPDIR")
                }
                done += written
            }
        }
    }

    /// One sorted run read back from the temporary file a buffer at a time.
    private final class RunReader {
        let file: Int32
        var offset: Int
        var left: Int
        let recordLength: Int
        let buffer: UnsafeMutableRawPointer
        let capacity: Int
        var inBuffer = 0
        var position = 0
        /// The current record's key's first eight bytes (the heap's order).
        var key: UInt64 = 0
        var current: UnsafeRawBufferPointer?

        init(file: Int32, offset: Int, count: Int, recordLength: Int, bufferRecords: Int) {
            self.file = file
            self.offset = offset
            self.left = count
            self.recordLength = recordLength
            capacity = bufferRecords
            buffer = .allocate(byteCount: bufferRecords * recordLength, alignment: 8)
        }

        deinit { buffer.deallocate() }

        /// Moves to the run's next record; `current` is nil at its end.
        func advance() throws {
            position += 1
            if position >= inBuffer {
                guard left > 0 else { current = nil; return }
                let records = min(left, capacity)
                let length = records * recordLength
                var done = 0
                while done < length {
                    let read = pread(file, buffer + done, length - done, off_t(offset + done))
                    guard read > 0 else {
                        throw StoreError("cannot read back the import's temporary file (\(String(cString: strerror(errno))))")
                    }
                    done += read
                }
                offset += length
                left -= records
                inBuffer = records
                position = 0
            }
            current = UnsafeRawBufferPointer(start: buffer + position * recordLength, count: recordLength)
            key = UInt64(bigEndian: current!.loadUnaligned(as: UInt64.self))
        }
    }
}
