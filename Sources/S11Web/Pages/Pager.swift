/// The `pager` partial: which rows of a long list a page shows, and the links either side.
struct Pager: Encodable {
    /// Whether the list has more than one page (else the pager shows nothing).
    let paged: Bool
    /// The navigation's accessible name.
    let label: String
    /// "101 to 200 of 3,000", or "none".
    let shown: String
    let previous: String?
    let next: String?
    /// How many rows a page shows.
    let size: Int
}
