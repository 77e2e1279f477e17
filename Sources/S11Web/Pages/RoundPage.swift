import Foundation
import S11App
import S11Core

/// The board's round: where every member organisation stands by stage and sector, what those that
/// submitted hold (a heatmap by standard, the spread of ratings, the themes, the staff survey
/// across the partnership), the organisations a page at a time with a form to give a
/// self-assessment back, peer pairings and challenge events.
struct RoundPage: PageModel {
    static let template = "admin-round"

    /// Counts are written as a board paper writes them ("3,000"), so they are text.
    struct Stage: Encodable {
        let stage: String
        let count: String
    }

    struct Sector: Encodable {
        let sector: String
        /// The sector, encoded for the link's query.
        let query: String
        /// How many of its organisations are at each stage, in `stageHeaders`' order.
        let counts: [String]
    }

    /// A standard's column: its id, its short title over the column, its whole title on hover and focus.
    struct Standard: Encodable {
        let id: String
        let short: String
        let title: String
    }

    /// A heatmap cell: compact ("A 67", "*" where moderated) and coloured by the band the board
    /// goes by, with the whole of it in words for a screen reader and on hover.
    struct Cell: Encodable {
        let text: String
        let full: String
        let ragClass: String
    }

    struct HeatmapRow: Encodable {
        let organisation: String
        let sector: String
        let overall: Cell
        let movement: Cell
        let cells: [Cell]
    }

    /// One of the partnership's lines above the organisations: the median, or a band's count.
    struct SummaryRow: Encodable {
        let label: String
        let overall: Cell
        let cells: [Cell]
    }

    /// The filters the board narrows the organisations by, each choice with how many it matches.
    struct Filters: Encodable {
        let sectors: [SelectOption]
        let stages: [SelectOption]
        let bands: [SelectOption]
        let orders: [SelectOption]
        let changed: Bool
        /// "Overall changed since last year (12)".
        let changedLabel: String
        /// "12 of 300 member organisations match; 10 of them are on the heatmap."
        let matching: String
        let narrowed: Bool
    }

    struct Spread: Encodable {
        let standard: String
        /// Blue, green, amber, red.
        let counts: [String]
        let unrated: String
    }

    struct Theme: Encodable {
        let requirement: String
        let statement: String
        let count: String
        let organisations: String
    }

    /// The staff survey across the partnership.
    struct Staff: Encodable {
        /// How many organisations are counted, in words ("1 organisation").
        let counted: String
        let respondents: String
        let hasLeftOut: Bool
        /// How many are left out, in words.
        let leftOut: String
        let sectors: [String]
        let lines: [StaffLine]
    }

    struct StaffLine: Encodable {
        let statement: String
        let partnership: String
        /// The figure in each of `Staff.sectors`.
        let sectors: [String]
    }

    struct Member: Encodable {
        let auditID: Int64
        let organisation: String
        let sector: String
        let lead: String
        let returns: String
        let stage: String
        let stageClass: String
        /// Whether the board holds its self-assessment (and can give it back).
        let held: Bool
        /// Whether it has submitted to the board (held now, or given back), so that its trail of
        /// what was submitted can be read.
        let submitted: Bool
        let returnReason: String?
        /// The crosswalk its return to its own board is read through, when it answers another catalogue.
        let crosswalk: String?
    }

    struct Pairing: Encodable {
        let pairingID: Int64
        let reviewer: String
        let reviewee: String
        let state: String
    }

    struct Event: Encodable {
        let eventID: Int64
        let title: String
        let heldOn: String
        /// "12 organisations".
        let count: String
    }

    let title: String
    let form: FormErrors
    let bar: SignedInBar
    let id: Int64
    let board: String
    let year: Int
    let deadline: String
    let notice: String?
    /// When the next reminder to leads goes, or why none will ("the next goes on Tuesday 12 January 2027 at 9am").
    var leadReminders: String?
    /// "3,000 member organisations".
    let total: String
    let stages: [Stage]
    let stageHeaders: [String]
    let sectors: [Sector]
    /// The sector the page is narrowed to (`?sector=`).
    let sector: String?
    let hasPicture: Bool
    let filters: Filters
    let standardIDs: [Standard]
    /// The partnership's median and band counts of the organisations on the heatmap (every page of it).
    let summary: [SummaryRow]
    let heatmap: [HeatmapRow]
    let heatmapPager: Pager
    let spreads: [Spread]
    let themes: [Theme]
    let staff: Staff?
    let members: [Member]
    let listPager: Pager
    let pairings: [Pairing]
    let events: [Event]
}
