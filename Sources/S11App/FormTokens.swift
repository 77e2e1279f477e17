import S11Store

/// The tokens the web's forms carry against forgery (CSRF), in the shape of the links' tokens
/// (256 random bits, 43 characters of base64url): a new random one, or one derived from a
/// session, which only whoever holds the session can make.
public enum FormTokens {
    /// A new random token, from the system's secure generator.
    public static func random() -> String {
        InvitationToken.generate()
    }

    /// The token of a session (HMAC-SHA256 of the session's token): it changes whenever the session does.
    public static func derived(fromSession session: String) -> String {
        InvitationToken.derived(from: session, purpose: "csrf")
    }

    /// Whether `token` has the shape of a token (a cookie's value may be anything).
    public static func isWellFormed(_ token: String) -> Bool {
        InvitationToken.isWellFormed(token)
    }
}
