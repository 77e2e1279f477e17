import ArgumentParser
import S11Core
import S11XML

/// `s11 check`: schema and meaning checks of Standards/ and Surveys/.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
        abstract: "Validate Standards/ and Surveys/ against the shipped XSDs, then check ids and references.")

    @OptionGroup var contentOptions: ContentOptions

    func run() async throws {
        try await reportingFailures {
            let result = ContentLoader(root: try contentOptions.root()).load()
            if !result.problems.isEmpty { throw DiagnosticsError(result.problems) }
            let library = result.library
            let requirements = library.catalogues.map(\.requirements.count).reduce(0, +)
            let standards = library.catalogues.map(\.standards.count).reduce(0, +)
            let questions = library.surveys.map(\.questions.count).reduce(0, +)
            let statements = library.surveys.map(\.statements.count).reduce(0, +)
            print("ok: \(result.files.count) files; \(library.catalogues.count) catalogue, \(standards) standards, \(requirements) requirements; \(library.surveys.count) surveys, \(questions) questions, \(statements) staff statements; \(library.scales.count) scales\(library.crosswalks.isEmpty ? "" : "; \(library.crosswalks.count) crosswalk(s), \(library.crosswalks.map(\.mappings.count).reduce(0, +)) mappings")")
        }
    }
}
