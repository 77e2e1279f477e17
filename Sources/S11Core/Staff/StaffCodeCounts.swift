/// Staff answer sets counted as stored: for each code of the service area question, how many
/// answer sets, and how many gave each code at each position of the codebook. It needs the
/// codebook alone, not the survey, so a store can count while the survey is still being read;
/// `StaffTally` then reads statements and areas from it. Each answer set is one increment a
/// position, so a survey of any size is counted fast and in constant memory.
public struct StaffCodeCounts: Sendable {
    public let codebook: StaffCodebook
    /// The service area question's position (-1 when the codebook has none), and how many codes it has.
    let areaPosition: Int
    let areaCodes: Int
    let positions: Int
    /// Codes counted apart at a position; any code from `width - 1` up shares the last.
    let width: Int
    /// Indexed [(areaCode * positions + position) * width + code].
    private var counts: [Int]
    /// Per service area code (0: not answered, or a code the codebook does not have).
    private var areaTotals: [Int]
    public private(set) var respondents = 0

    public init(codebook: StaffCodebook, serviceAreaChoice: String = "service-area") {
        self.codebook = codebook
        areaPosition = codebook.position(of: serviceAreaChoice) ?? -1
        areaCodes = (areaPosition >= 0 ? codebook.questions[areaPosition].values.count : 0) + 1
        positions = codebook.questions.count
        width = (codebook.questions.map(\.values.count).max() ?? 0) + 2
        counts = Array(repeating: 0, count: areaCodes * positions * width)
        areaTotals = Array(repeating: 0, count: areaCodes)
    }

    /// Counts one packed answer set.
    public mutating func add(_ codes: UnsafeRawBufferPointer) {
        respondents += 1
        var area = 0
        if areaPosition >= 0, areaPosition < codes.count {
            area = Int(codes[areaPosition])
            if area >= areaCodes { area = 0 }
        }
        areaTotals[area] += 1
        let last = width - 1, width = width
        let length = min(codes.count, positions)
        var base = area * positions * width
        counts.withUnsafeMutableBufferPointer { counts in
            for position in 0..<length {
                counts[base + min(Int(codes[position]), last)] += 1
                base += width
            }
        }
    }

    /// Counts one packed answer set.
    public mutating func add(_ codes: [UInt8]) {
        codes.withUnsafeBytes { add($0) }
    }

    /// Answer sets whose service area has `areaCode`.
    func respondents(areaCode: Int) -> Int { areaTotals[areaCode] }

    /// Answer sets with the service area's `areaCode` that gave `code` at `position`.
    func count(areaCode: Int, position: Int, code: Int) -> Int {
        counts[(areaCode * positions + position) * width + code]
    }
}
