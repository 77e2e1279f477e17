import S11Core

/// A row of the signOnProvider table: an OpenID Connect provider and whose accounts it signs in.
struct SignOnProviderRow: SQLRecord {
    var provider: SignOnProvider

    init(_ row: SQLRow) throws {
        let columns = RowColumns(row, table: "signOnProvider")
        let organisation: String? = try columns("organisation"), board: String? = try columns("board")
        let domains: String = try columns("domains")
        provider = SignOnProvider(name: try columns("name"), label: try columns("label"), issuer: try columns("issuer"),
                                  clientID: try columns("clientID"), clientSecret: try columns("clientSecret"),
                                  domains: domains.split(separator: " ").map(String.init),
                                  scope: organisation.map { .organisation($0) } ?? board.map { .board($0) } ?? .server)
    }

    /// The columns written, in the order of `values`.
    static let columns = "name, label, issuer, clientID, clientSecret, domains, organisation, board"

    /// `provider`'s values for `columns`.
    static func values(_ provider: SignOnProvider) -> [any SQLBindable] {
        var organisation: String?, board: String?
        switch provider.scope {
        case .server: break
        case .board(let name): board = name
        case .organisation(let name): organisation = name
        }
        return [provider.name, provider.label, provider.issuer, provider.clientID, provider.clientSecret,
                provider.domains.joined(separator: " "), organisation, board]
    }
}
