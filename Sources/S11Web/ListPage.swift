/// One page of a long list on a page (a round's heatmap, its organisations): which rows show, and
/// the links to the pages before and after, keeping the page's other query parameters.
struct ListPage {
    /// Rows a page shows: enough to scan, few enough that a round of thousands stays quick to send and read.
    static let size = 100

    let number: Int
    let count: Int
    let total: Int

    /// Page `requested` (from 1; out of range is the nearest) of `total` rows.
    init(requested: Int?, total: Int) {
        self.total = total
        count = max(1, (total + Self.size - 1) / Self.size)
        number = min(max(requested ?? 1, 1), count)
    }

    /// The rows of this page.
    var range: Range<Int> { min((number - 1) * Self.size, total)..<min(number * Self.size, total) }

    /// The `pager` partial for this page, named `label`: "101 to 200 of 3,000", and the links either
    /// side, each `path` with `parameter` set and the `others` (already encoded) kept.
    func pager(path: String, parameter: String, others: [String], label: String) -> Pager {
        func link(_ page: Int) -> String { "\(path)?" + (others + ["\(parameter)=\(page)"]).joined(separator: "&") }
        return Pager(paged: count > 1, label: label, shown: total == 0 ? "none" : "\(range.lowerBound + 1) to \(range.upperBound) of \(total)",
                     previous: number > 1 ? link(number - 1) : nil, next: number < count ? link(number + 1) : nil, size: Self.size)
    }
}
