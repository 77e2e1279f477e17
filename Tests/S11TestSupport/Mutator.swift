/// Deterministic input mutation for fuzz tests: the same seed always gives the same inputs, so a
/// crash found once is found again, and its input can be kept as a regression test.
public struct Mutator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// SplitMix64.
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    /// Fragments that stress parsers: markup, quoting, line ends, NULs, entity tricks, invalid UTF-8.
    static let fragments: [[UInt8]] = [
        Array("<".utf8), Array(">".utf8), Array("&".utf8), Array("&amp".utf8), Array("\"".utf8), Array(",".utf8),
        Array("\r".utf8), Array("\n".utf8), Array("\r\n".utf8), [0], [0xFF, 0xFE], [0xC3], [0xE2, 0x82], Array("]]>".utf8),
        Array("<!DOCTYPE x [<!ENTITY a \"b\">]>".utf8), Array("<![CDATA[".utf8), Array("\"\"".utf8), Array("na".utf8),
        Array("=HYPERLINK(1)".utf8), Array(String(repeating: "A", count: 5000).utf8), Array("\u{FEFF}".utf8),
    ]

    /// One to four random edits of `input`: flips, deletions, duplications, inserted fragments, truncation.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            guard !bytes.isEmpty else { bytes = Self.fragments[below(Self.fragments.count)]; continue }
            let at = below(bytes.count)
            switch below(6) {
            case 0: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(64)))
            case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 1 + below(64))], at: at)
            case 3: bytes.insert(contentsOf: Self.fragments[below(Self.fragments.count)], at: at)
            case 4: bytes = Array(bytes.prefix(at))
            default: bytes[at] = UInt8(truncatingIfNeeded: next())
            }
        }
        return bytes
    }
}
