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
    let csrf: String
    let coordinator: String
    let id: Int64
    let organisation: String
    let year: Int
    let hasPlan: Bool
    let files: [File]
}
