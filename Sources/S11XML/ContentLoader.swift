import Foundation
import S11Core

/// Reads every file in Standards/ and Surveys/ under a root folder: schema first, then meaning.
public struct ContentLoader: Sendable {
    /// One content file as read, kept so an audit can pin its exact bytes.
    public struct File: Sendable, Hashable {
        public enum Kind: String, Sendable { case catalogue, scales, survey, crosswalk }
        public var kind: Kind
        /// Path relative to the root, e.g. `Standards/joint-safeguarding.xml`.
        public var path: String
        public var data: Data
        /// The id of the catalogue, survey or crosswalk it holds (empty for scales).
        public var id: String
    }

    /// The result of loading: the library, its files, and every problem found.
    public struct Result: Sendable {
        public var library: ContentLibrary
        public var files: [File]
        public var problems: [Diagnostic]
    }

    public var root: URL

    public init(root: URL) { self.root = root }

    public static let folders = ["Standards", "Surveys"]

    public func load() -> Result {
        var library = ContentLibrary()
        var files: [File] = []
        var problems: [Diagnostic] = []
        for folder in Self.folders {
            let directory = root.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
                problems.append(Diagnostic(SourceLocation(file: folder, line: 1, column: 1),
                    "folder \(directory.path) is missing; run s11 where Standards/ and Surveys/ are, or pass --content DIR"))
                continue
            }
            for name in names.sorted() where name.hasSuffix(".xml") {
                let path = "\(folder)/\(name)"
                let data: Data
                do {
                    data = try InputFile.data(directory.appendingPathComponent(name).path, maximumBytes: XMLDocument.maximumBytes, shownAs: path)
                } catch {
                    problems += error.diagnostics
                    continue
                }
                do {
                    let loaded = try Self.read(data: data, path: path, expecting: folder == "Standards" ? .catalogue : nil)
                    switch loaded {
                    case .catalogue(let catalogue):
                        library.catalogues.append(catalogue)
                        files.append(File(kind: .catalogue, path: path, data: data, id: catalogue.id))
                    case .scales(let scales):
                        library.scales += scales
                        files.append(File(kind: .scales, path: path, data: data, id: ""))
                    case .survey(let survey):
                        library.surveys.append(survey)
                        files.append(File(kind: .survey, path: path, data: data, id: survey.id))
                    case .crosswalk(let crosswalk):
                        library.crosswalks.append(crosswalk)
                        files.append(File(kind: .crosswalk, path: path, data: data, id: crosswalk.id))
                    }
                } catch {
                    problems += error.diagnostics
                }
            }
        }
        if problems.isEmpty { problems = ContentValidator().validate(library) }
        return Result(library: library, files: files, problems: problems)
    }

    /// What one content file holds.
    public enum Loaded: Sendable {
        case catalogue(Catalogue)
        case scales([Scale])
        case survey(Survey)
        case crosswalk(Crosswalk)
    }

    /// Parses and schema-validates one content file; pinned audit content is read back this way.
    public static func read(data: Data, path: String, expecting: File.Kind? = nil) throws(DiagnosticsError) -> Loaded {
        let document = try XMLDocument(data: data, file: path)
        guard let root = document.root else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: path, line: 1, column: 1), "no root element")])
        }
        let reader = ContentReader()
        switch (root.name, root.namespace) {
        case ("catalogue", SchemaValidator.Schema.catalogue.namespace):
            try SchemaValidator.shared(.catalogue).validate(document)
            return .catalogue(reader.catalogue(root))
        case ("scales", SchemaValidator.Schema.survey.namespace) where expecting != .catalogue:
            try SchemaValidator.shared(.survey).validate(document)
            return .scales(reader.scales(root))
        case ("survey", SchemaValidator.Schema.survey.namespace) where expecting != .catalogue:
            try SchemaValidator.shared(.survey).validate(document)
            return .survey(reader.survey(root))
        case ("crosswalk", SchemaValidator.Schema.crosswalk.namespace) where expecting == .catalogue:
            try SchemaValidator.shared(.crosswalk).validate(document)
            return .crosswalk(reader.crosswalk(root))
        default:
            let expected = expecting == .catalogue
                ? "<catalogue xmlns=\"\(SchemaValidator.Schema.catalogue.namespace)\"> or <crosswalk xmlns=\"\(SchemaValidator.Schema.crosswalk.namespace)\">"
                : "<survey> or <scales> in xmlns=\"\(SchemaValidator.Schema.survey.namespace)\""
            let found = root.namespace.map { "<\(root.name)> in namespace '\($0)'" } ?? "<\(root.name)> with no namespace"
            throw DiagnosticsError([Diagnostic(root.location, "the root element is \(found); expected \(expected)")])
        }
    }

    /// The audit content from the files an audit was pinned to (path and bytes each).
    public static func auditContent(pinned files: [(path: String, data: Data)]) throws -> AuditContent {
        var library = ContentLibrary()
        for file in files {
            switch try read(data: file.data, path: "\(file.path) (pinned)") {
            case .catalogue(let catalogue): library.catalogues.append(catalogue)
            case .scales(let scales): library.scales += scales
            case .survey(let survey): library.surveys.append(survey)
            case .crosswalk(let crosswalk): library.crosswalks.append(crosswalk)
            }
        }
        return try library.auditContent()
    }
}
