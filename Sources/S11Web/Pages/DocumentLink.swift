import S11Core

/// An evidence document named beside an answer: a link to download it where the reader may, or
/// its name only where the smallest group rule would single out the officer who attached it.
struct DocumentLink: PagePart {
    let name: String
    let href: String?
}

extension DocumentLink {
    /// The answer's documents, each linked under `base` (the id appended) when `linked`.
    static func links(_ mentions: [DocumentMention], base: String, linked: Bool) -> [DocumentLink] {
        mentions.map { DocumentLink(name: $0.name, href: linked ? base + String($0.id) : nil) }
    }
}
