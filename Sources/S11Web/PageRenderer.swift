import Foundation
import Hummingbird
import Mustache
import S11App

/// The pages' templates (`Templates/`), parsed once, and a page rendered from its model.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() async throws {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw ApplicationError("the web templates are missing from the build")
        }
        library = try await MustacheLibrary(directory: folder)
    }

    /// The page's HTML, from its template and the page's values (`TemplateValues`).
    func render(_ page: some PageModel) throws -> String {
        guard let html = library.render(try TemplateEncoder.values(of: page), withTemplate: type(of: page).template) else {
            throw HTTPError(.internalServerError, message: "missing template \(type(of: page).template)")
        }
        return html
    }
}
