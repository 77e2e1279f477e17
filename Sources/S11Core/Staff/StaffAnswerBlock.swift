/// Answer sets packed back to back, as an import reads them: each one's codes (`width` bytes, by
/// a codebook) and its day as the export wrote it (`ExportDay.packed`, 0 for none). A million of
/// them are a few dozen arrays, not a million.
public struct StaffAnswerBlock: Sendable, Hashable {
    /// Codes per answer set: the codebook's questions.
    public let width: Int
    /// `count * width` codes.
    public private(set) var codes: [UInt8] = []
    public private(set) var days: [UInt32] = []

    public init(width: Int) {
        self.width = width
    }

    public var count: Int { days.count }
    public var isEmpty: Bool { days.isEmpty }

    /// Adds an answer set: its `width` codes and its packed day.
    public mutating func append(codes answerSet: some Collection<UInt8>, day: UInt32) {
        precondition(answerSet.count == width, "an answer set has one code per question of the codebook")
        codes.append(contentsOf: answerSet)
        days.append(day)
    }

    /// The `index`th answer set's codes.
    public func codes(at index: Int) -> ArraySlice<UInt8> { codes[index * width..<(index + 1) * width] }

    /// The `index`th answer set's day as the export wrote it.
    public func day(at index: Int) -> ExportDay? { ExportDay(packed: days[index]) }
}
