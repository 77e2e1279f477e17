/// An OpenID Connect provider that a server, a board or an organisation signs in through (Microsoft
/// Entra ID, Google Workspace, Keycloak ...): where it is, the client s11 is registered as, the e-mail
/// domains it may vouch for, and whose accounts it may sign in.
public struct SignOnProvider: Sendable, Hashable {
    /// Whose accounts a provider may sign in.
    public enum Scope: Sendable, Hashable {
        /// Any account on the server.
        case server
        /// The board users of this board.
        case board(String)
        /// The coordinators of this organisation.
        case organisation(String)
    }

    /// A short name, unique on the server, which its sign-in address carries (`oxfordshire-entra`).
    public var name: String
    /// What the sign-in page's button says after "Sign in with" ("Oxfordshire County Council's Microsoft account").
    public var label: String
    /// The provider's issuer URL, exactly as its ID tokens name it.
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// The e-mail domains whose addresses it may vouch for, lower-cased (`oxfordshire.gov.uk`).
    public var domains: [String]
    public var scope: Scope

    public init(name: String, label: String, issuer: String, clientID: String, clientSecret: String, domains: [String], scope: Scope) {
        self.name = name
        self.label = label
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.domains = domains.map { $0.lowercased() }
        self.scope = scope
    }

    /// Whether `email` is at one of its domains.
    public func vouchesFor(email: String) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        return domains.contains(email[email.index(after: at)...].lowercased())
    }

    /// Whether it may sign `account` in: any account for the server's, the board's users for a
    /// board's, the organisation's coordinators for an organisation's.
    public func admits(_ account: Coordinator) -> Bool {
        switch scope {
        case .server: true
        case .board(let board): account.isBoard && account.board?.lowercased() == board.lowercased()
        case .organisation(let organisation): account.organisation?.lowercased() == organisation.lowercased()
        }
    }

    /// Whose accounts it signs in, in words: "any account on this server", "Oxfordshire's coordinators".
    public var whom: String {
        switch scope {
        case .server: "any account on this server"
        case .board(let board): "\(board)'s board users"
        case .organisation(let organisation): "\(organisation)'s coordinators"
        }
    }

    /// What is wrong with it, for the one setting it up: nil when it may be kept.
    public var problem: String? {
        if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            return "the name '\(name)' may hold only lower-case letters, digits and '-' (it goes in the sign-in address)"
        }
        if name == "callback" { return "the name 'callback' is taken: the providers send the browser back to /admin/sign-on/callback" }
        if label.trimmingCharacters(in: .whitespaces).isEmpty { return "give a label for the sign-in button, such as \"Oxfordshire County Council's Microsoft account\"" }
        if !(issuer.hasPrefix("https://") || Self.isLoopback(issuer)) {
            return "the issuer '\(issuer)' must be an https:// address (plain http only on this machine's loopback, for testing)"
        }
        if clientID.isEmpty { return "give the client id the provider gave s11 when it was registered" }
        if domains.isEmpty { return "name the e-mail domains the provider may vouch for, such as oxfordshire.gov.uk" }
        if let bad = domains.first(where: { $0.isEmpty || $0.contains("@") || !$0.contains(".") || $0.contains(where: \.isWhitespace) }) {
            return "'\(bad)' is not an e-mail domain (write it as oxfordshire.gov.uk)"
        }
        return nil
    }

    /// Whether `url` is plain http to this machine's loopback.
    static func isLoopback(_ url: String) -> Bool {
        ["http://127.0.0.1:", "http://127.0.0.1/", "http://localhost:", "http://localhost/", "http://[::1]:"].contains { url.hasPrefix($0) }
            || ["http://127.0.0.1", "http://localhost"].contains(url)
    }
}
