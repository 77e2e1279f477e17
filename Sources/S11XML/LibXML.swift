import CLibXML2

/// Process-wide libxml2 setup, done once before the first parse.
enum LibXML {
    private static let setUp: Void = {
        xmlInitParser()
        s11_refuse_external_entities()
        xmlSubstituteEntitiesDefault(0)
        xmlPedanticParserDefault(0)
    }()

    static func initialise() { _ = setUp }
}
