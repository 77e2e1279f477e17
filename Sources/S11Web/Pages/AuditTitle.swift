import S11Core

/// The audit a page is about, as its heading and links read it.
struct AuditTitle: PagePart {
    let id: Int64
    let organisation: String
    let year: Int
}

extension AuditTitle {
    init(_ audit: AuditRecord) {
        self.init(id: audit.id, organisation: audit.organisation, year: audit.year)
    }
}
