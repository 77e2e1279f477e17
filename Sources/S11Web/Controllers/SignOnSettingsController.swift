import Hummingbird
import S11App
import S11Core

/// An organisation's coordinators (or a board's users) set the OpenID Connect provider they sign
/// in through, on a page of their own: checked with the provider before it is kept, and scoped to
/// the signed-in account's organisation or board, whatever the form says.
struct SignOnSettingsController: Sendable {
    let web: WebApp

    /// The provider's settings as typed.
    struct SettingsForm: Decodable {
        var label: String?
        var issuer: String?
        var clientID: String?
        var clientSecret: String?
        var domains: String?
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("sign-on-settings", use: settings)
        group.post("sign-on-settings", use: save)
        group.post("sign-on-settings/remove", use: remove)
    }

    func settings(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let notice: String? = switch request.uri.queryParameters["done"] {
        case "saved": "Saved. The sign-in page now offers it to your colleagues."
        case "removed": "Removed. Your colleagues sign in with their passwords."
        default: nil
        }
        return try await page(request, context, notice: notice)
    }

    func save(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: SettingsForm.self)
        let typed = (label: form.label ?? "", issuer: form.issuer ?? "", clientID: form.clientID ?? "", domains: form.domains ?? "")
        do {
            try await web.app.signOn.saveOwn(label: typed.label, issuer: typed.issuer, clientID: typed.clientID, clientSecret: form.clientSecret ?? "",
                                             domains: typed.domains, for: context.account)
        } catch let error as any UserFacingError {
            return try await page(request, context, typed: typed, errors: [FieldError(field: Self.field(of: error.message), message: error.message.capitalisedFirst)])
        }
        return WebSecurity.redirect(to: "/admin/sign-on-settings?done=saved")
    }

    func remove(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        _ = try await web.app.signOn.removeOwn(for: context.account)
        return WebSecurity.redirect(to: "/admin/sign-on-settings?done=removed")
    }

    private func page(_ request: Request, _ context: SignedInRequestContext, notice: String? = nil,
                      typed: (label: String, issuer: String, clientID: String, domains: String)? = nil,
                      errors: [FieldError] = []) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let page = SignOnSettingsPage(account: context.account, csrf: csrf.token, provider: try await web.app.signOn.own(for: context.account),
                                      redirectURI: web.app.signOn.redirectURI, notice: notice, typed: typed, errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    /// The field a refusal is about, for its link from the error summary.
    static func field(of message: String) -> String {
        let lowered = message.lowercased()
        return [("label", "label"), ("client id", "clientID"), ("secret", "clientSecret"), ("domain", "domains")]
            .first { lowered.contains($0.0) }?.1 ?? "issuer"
    }
}
