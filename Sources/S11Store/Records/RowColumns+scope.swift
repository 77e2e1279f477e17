import S11Core

extension RowColumns {
    /// What a moderation (or a peer's proposal) is of, from its `kind` and `scopeID` columns: a
    /// kind that is neither a requirement nor a standard is a wrong value, not a row skipped.
    func scope() throws -> Moderation.Scope {
        let kind: String = try self("kind")
        guard let scope = Moderation.Scope(kind: kind, id: try self("scopeID")) else {
            throw wrongValue("kind", holds: .text(kind), expected: "requirement or standard")
        }
        return scope
    }
}
