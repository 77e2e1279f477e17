import Foundation

/// A count out of a total, with the statistics boards use for survey percentages: the 95% Wilson
/// score interval (good for small groups and for 0% or 100%), and the pooled two-proportion z-test
/// for a change between two surveys.
public struct Proportion: Sendable, Hashable, Codable {
    public var count: Int
    public var total: Int

    public init(count: Int, total: Int) {
        self.count = count
        self.total = total
    }

    /// z for a two-sided 95% interval.
    public static let z95 = 1.959964

    /// The percentage, or nil when nobody answered.
    public var percent: Double? { total > 0 ? 100 * Double(count) / Double(total) : nil }

    /// "66.7% of 6", or nil when nobody answered.
    public var percentOfTotal: String? { percent.map { "\(PercentText.format($0))% of \(total)" } }

    /// The 95% Wilson score interval, in percent.
    public var wilson95: (low: Double, high: Double)? {
        guard total > 0 else { return nil }
        let n = Double(total), p = Double(count) / n, z2 = Self.z95 * Self.z95
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = Self.z95 * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return (100 * max(0, centre - half), 100 * min(1, centre + half))
    }

    /// The two-sided p-value of the pooled two-proportion z-test between `earlier` and this one;
    /// nil when either has no answers, 1 when both proportions are 0% or both 100%.
    public func pValue(against earlier: Proportion) -> (z: Double, p: Double)? {
        guard total > 0, earlier.total > 0 else { return nil }
        let n1 = Double(earlier.total), n2 = Double(total)
        let pooled = Double(earlier.count + count) / (n1 + n2)
        let variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
        guard variance > 0 else { return (0, 1) }
        let z = (Double(count) / n2 - Double(earlier.count) / n1) / variance.squareRoot()
        return (z, erfc(abs(z) / 2.0.squareRoot()))
    }
}
