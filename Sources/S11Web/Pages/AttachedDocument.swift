import S11Core

/// An evidence document as a page lists it: the requirement it is evidence for, its name (a link
/// to download it), its kind, size and when it was attached.
struct AttachedDocument: PagePart {
    let id: Int64
    let requirementID: String
    let name: String
    let kind: String
    let size: String
    let attached: String
    let href: String
    /// Offered from last year and not yet kept.
    let carried: Bool
}

extension AttachedDocument {
    init(_ document: EvidenceDocument, requirementID: String, href: String, moments: MomentWords) {
        self.init(id: document.id, requirementID: requirementID, name: document.name, kind: document.type.words, size: document.sizeWords,
                  attached: moments.text(document.uploadedAt), href: href, carried: document.carried)
    }
}
