import S11Core

/// The signed-in bar above a report the browser shows whole (the scorecard, the printable plan):
/// the way back, who is signed in and sign out, on screen only (the report hides it when printed).
struct ReportBanner: PageModel {
    static let template = "report-banner"

    let bar: SignedInBar
}
