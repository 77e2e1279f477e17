/// Names in the order a person reads them: runs of digits compare as numbers ("Member 2" before
/// "Member 10"), letters without regard to case.
public enum NaturalOrder {
    /// Whether `a` comes before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (runs(a), runs(b))
        for (p, q) in zip(x, y) where p != q {
            switch (UInt64(p), UInt64(q)) {
            case let (m?, n?): if m != n { return m < n }
            default: break
            }
            if p.lowercased() != q.lowercased() { return p.lowercased() < q.lowercased() }
        }
        return x.count == y.count ? a < b : x.count < y.count
    }

    /// A key whose order, code point by code point (SQL's binary collation), is `precedes`' order:
    /// each run of digits as a number padded to twenty places (then as written), each other run in
    /// lower case, each run closed by a mark below any character, then the text as written.
    public static func key(_ text: String) -> String {
        runs(text).map { run in
            UInt64(run).map { number in
                let digits = String(number)
                return String(repeating: "0", count: 20 - digits.count) + digits + "\u{03}" + run
            } ?? run.lowercased()
        }.map { $0 + "\u{02}" }.joined() + "\u{01}" + text
    }

    /// The text cut where it changes between digits and anything else.
    private static func runs(_ text: String) -> [String] {
        var runs: [String] = []
        for character in text {
            if let last = runs.last?.last, last.isNumber == character.isNumber {
                runs[runs.count - 1].append(character)
            } else {
                runs.append(String(character))
            }
        }
        return runs
    }
}
