/// How the requirements of one catalogue answer another's (Standards/*.xml, crosswalk.xsd): an
/// organisation under two boards answers one catalogue once, and the second board reads that
/// return through the crosswalk in its own catalogue's terms.
public struct Crosswalk: Sendable, Hashable {
    /// One requirement of the answered catalogue read as one of the reading board's.
    public struct Mapping: Sendable, Hashable {
        public var from: String
        public var to: String
        /// Why they match, or how far, in the board's words.
        public var note: String?
        public var location: SourceLocation?

        public init(from: String, to: String, note: String? = nil, location: SourceLocation? = nil) {
            self.from = from
            self.to = to
            self.note = note
            self.location = location
        }
    }

    public var id: String
    public var version: String
    public var title: String
    /// The catalogue organisations answer.
    public var fromCatalogue: String
    /// The catalogue of the board that reads their returns through this crosswalk.
    public var toCatalogue: String
    public var mappings: [Mapping]
    public var location: SourceLocation?

    public init(id: String, version: String, title: String, fromCatalogue: String, toCatalogue: String, mappings: [Mapping],
                location: SourceLocation? = nil) {
        self.id = id
        self.version = version
        self.title = title
        self.fromCatalogue = fromCatalogue
        self.toCatalogue = toCatalogue
        self.mappings = mappings
        self.location = location
    }

    /// The answered catalogue's requirements mapped onto `requirementID` of the reading catalogue, in file order.
    public func sources(of requirementID: String) -> [Mapping] {
        mappings.filter { $0.to == requirementID }
    }

    /// A catalogue read as itself: each requirement answers the same requirement. A board whose
    /// member already answers the board's own catalogue for another board reads that return through
    /// this, as it would through any crosswalk.
    public static func sameCatalogue(_ catalogue: Catalogue) -> Crosswalk {
        Crosswalk(id: "same-\(catalogue.id)", version: catalogue.version, title: "\(catalogue.title), read as it was answered",
                  fromCatalogue: catalogue.id, toCatalogue: catalogue.id,
                  mappings: catalogue.requirements.map { Mapping(from: $0.id, to: $0.id) })
    }
}
