/// A large export read in parts on several threads: each part, cut where a record starts
/// (`CSVRecordCutter`), is read by a copy of the import that has read the header (`part()`), and
/// the parts are taken back in the file's order (`absorb`), so what is read is what one thread
/// reading the whole file would read.
extension StaffCSVImport {
    /// How a part read.
    public enum PartReading: Sendable, Equatable {
        /// No problem, and it ended where a record ends (or at the file's end).
        case clean
        /// It ended inside a record: the cut was not between records (a quote inside an unquoted
        /// field fools the cutter), so the part must be read again as part of the whole.
        case notBetweenRecords
        /// A problem in the file (a bad answer, a broken quote): the file is refused, and read
        /// again in one piece to say where, since a part counts its lines from its own start.
        case problems
    }

    /// A copy that reads a later part of the file, starting where a record starts, with nothing
    /// read yet. Only for an import that `readsAnswers`.
    public func part() -> StaffCSVImport {
        var part = self
        part.parser = CSVParser(file: file, resumingAtLine: 1)
        part.block = StaffAnswerBlock(width: block.width)
        part.count = 0
        part.listed = []
        part.unlisted = 0
        part.firstSlashed = nil
        part.ruledOut = [:]
        return part
    }

    /// Reads a part's bytes; `last` when they end the file.
    public mutating func readPart(_ bytes: UnsafeRawBufferPointer, last: Bool) -> PartReading {
        do {
            try parse(bytes)
            if last, try parser.finishRecord() { take(parser.record) }
        } catch {
            return .problems
        }
        if !listed.isEmpty || unlisted > 0 || !readsAnswers { return .problems }
        return last || parser.isBetweenRecords ? .clean : .notBetweenRecords
    }

    /// Takes in a clean part read after everything this import has read: its count and the
    /// evidence of its dates' order. Its answer sets are taken from it with `takeBlock`.
    public mutating func absorb(_ part: StaffCSVImport) {
        count += part.count
        if firstSlashed == nil { firstSlashed = part.firstSlashed }
        for (order, evidence) in part.ruledOut where ruledOut[order] == nil { ruledOut[order] = evidence }
    }
}
