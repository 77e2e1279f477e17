import S11Core

/// Downloads of everything the command line exports, as far as the account may have them.
struct DownloadsPage: PageModel {
    static let template = "admin-downloads"

    struct File: Encodable {
        let href: String
        let label: String
        let name: String
    }

    let title = "Downloads"
    let hasErrors = false
    let bar: SignedInBar
    let heading: AuditTitle
    let hasPlan: Bool
    let files: [File]
}
