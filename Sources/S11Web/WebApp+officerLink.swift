import Hummingbird
import S11App

/// The officer behind a link (`/r/:token/...`), for every page an officer reaches through theirs.
extension WebApp {
    /// The officer whose link the path names; nil for a link that does not work.
    func officerAtLink(_ context: WebRequestContext) async throws -> OfficerLinks.AtLink? {
        guard let token = context.parameters.get("token") else { return nil }
        return try await app.officerLinks.open(token: token)
    }

    /// The answer to a link that does not work (404), saying what to do.
    func unknownOfficerLink(_ request: Request, _ context: WebRequestContext) async -> Response {
        await unknownLink(request, context, title: "This link does not work", paragraphs: [
            "The link may have been mistyped, or replaced by a newer invitation.",
            "Ask your organisation's safeguarding audit coordinator for your current link.",
        ])
    }
}
