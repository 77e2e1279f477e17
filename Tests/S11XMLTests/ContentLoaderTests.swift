import Foundation
import Testing
@testable import S11XML
import S11Core

@Suite struct ContentLoaderTests {
    let catalogueFile = "Standards/joint-safeguarding.xml"
    let surveyFile = "Surveys/self-assessment.xml"

    @Test func shippedContentIsValidAndBigEnough() throws {
        let result = ContentLoader(root: packageRoot).load()
        #expect(result.problems.isEmpty, "\(result.problems)")
        let content = try result.library.auditContent()
        #expect(content.catalogue.standards.count >= 9)
        #expect(content.catalogue.requirements.count >= 45)
        #expect(content.staffSurvey?.statements.count ?? 0 >= 12)
        #expect(content.selfAssessment.maxObjectives == 20)                   // the plan's limit, in the content
        let asked = Set(content.selfAssessment.questions.map(\.requirementID))
        #expect(asked == Set(content.catalogue.requirements.map(\.id)))
        for requirement in content.catalogue.requirements {
            #expect(!requirement.evidenceExamples.isEmpty && !requirement.improvement.actions.isEmpty, "\(requirement.id)")
        }
    }

    @Test func aSchemaErrorNamesFileAndLine() throws {
        let root = try copyOfShippedContent()
        let file = root.appendingPathComponent(catalogueFile)
        try replaceFirst("naAllowed=\"", with: "naAllowedd=\"", in: file)
        let line = try lineOf("naAllowedd", in: file)
        let problems = ContentLoader(root: root).load().problems
        let first = try #require(problems.first)
        #expect(first.location.file == catalogueFile)
        #expect(first.location.line == line)
        #expect(first.location.column >= 1)
        #expect(first.description.hasPrefix("\(catalogueFile):\(line):"))
    }

    @Test func aDuplicateRequirementIdPointsAtTheSecond() throws {
        let root = try copyOfShippedContent()
        let file = root.appendingPathComponent(catalogueFile)
        let line = try lineOf("id=\"S1.2\"", in: file)
        try replaceFirst("id=\"S1.2\"", with: "id=\"S1.1\"", in: file)
        let problems = ContentLoader(root: root).load().problems
        let duplicate = try #require(problems.first { $0.message.contains("duplicate requirement id 'S1.1'") })
        #expect(duplicate.location.file == catalogueFile)
        #expect(duplicate.location.line == line)
        #expect(duplicate.location.column > 1)
    }

    @Test func aQuestionPointingNowhereIsReported() throws {
        let root = try copyOfShippedContent()
        let file = root.appendingPathComponent(surveyFile)
        try replaceFirst("requirement=\"S2.1\"", with: "requirement=\"S9.99\"", in: file)
        let line = try lineOf("S9.99", in: file)
        let problems = ContentLoader(root: root).load().problems
        let found = try #require(problems.first { $0.message.contains("'S9.99'") })
        #expect(found.location.file == surveyFile)
        #expect(found.location.line == line)
        // S2.1 is now asked nowhere, which is a problem of its own.
        #expect(problems.contains { $0.message.contains("requirement 'S2.1' is not asked") })
    }

    @Test func anUnknownScaleIsReported() throws {
        let root = try copyOfShippedContent()
        let file = root.appendingPathComponent(surveyFile)
        try replaceFirst("scale=\"compliance\"", with: "scale=\"nosuchscale\"", in: file)
        let problems = ContentLoader(root: root).load().problems
        #expect(problems.contains { $0.message.contains("scale 'nosuchscale'") && $0.location.file == surveyFile })
    }

    @Test func aHostileContentFileIsRefused() throws {
        let root = try copyOfShippedContent()
        let file = root.appendingPathComponent(catalogueFile)
        try replaceFirst("<catalogue", with: "<!DOCTYPE catalogue [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<catalogue", in: file)
        let problems = ContentLoader(root: root).load().problems
        #expect(problems.contains { $0.message.contains("DOCTYPE") && $0.location.file == catalogueFile })
    }
}

/// A crosswalk in Standards/ is checked as the catalogues are: against crosswalk.xsd, then every
/// catalogue and requirement it names, each problem at its file and line.
@Suite struct CrosswalkCheckTests {
    let file = "Standards/crosswalk-joint-to-pan-cheshire.xml"

    /// The shipped content with the Pan-Cheshire content and the crosswalk between the catalogues.
    func twoCatalogues() throws -> URL {
        let root = try copyOfShippedContent()
        for path in ["Standards/pan-cheshire.xml", "Surveys/scales.xml", "Surveys/self-assessment.xml"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Fixtures/pan-cheshire/\(path)"),
                                             to: root.appendingPathComponent(path.replacingOccurrences(of: "Surveys/", with: "Surveys/pan-cheshire-")))
        }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Fixtures/crosswalk/\(file)"), to: root.appendingPathComponent(file))
        return root
    }

    @Test func aGoodCrosswalkLoads() throws {
        let result = ContentLoader(root: try twoCatalogues()).load()
        #expect(result.problems.isEmpty, "\(result.problems)")
        let crosswalk = try #require(result.library.crosswalk(from: "oscb-osab-joint", to: "pan-cheshire"))
        #expect(crosswalk.sources(of: "PC1.1").map(\.from) == ["S1.1", "S1.2", "S2.1"] && crosswalk.sources(of: "PC1.2").isEmpty)
    }

    @Test func aRequirementThatIsNotThereIsNamedAtItsLine() throws {
        let root = try twoCatalogues()
        let path = root.appendingPathComponent(file)
        try replaceFirst("to=\"PC2.1\"", with: "to=\"PC9.9\"", in: path)
        let line = try lineOf("PC9.9", in: path)
        let problem = try #require(ContentLoader(root: root).load().problems.first)
        #expect(problem.location.file == file && problem.location.line == line)
        #expect(problem.message.contains("to=\"PC9.9\" is not a requirement of catalogue 'pan-cheshire'"))
    }

    @Test func aCatalogueThatIsNotThereAndASchemaErrorAreRefused() throws {
        let root = try twoCatalogues()
        try FileManager.default.removeItem(at: root.appendingPathComponent("Standards/pan-cheshire.xml"))
        #expect(ContentLoader(root: root).load().problems.contains { $0.message.contains("reads into catalogue 'pan-cheshire', which is not in Standards/") })
        let path = root.appendingPathComponent(file)
        try replaceFirst("<map from=\"S5.2\"", with: "<map frm=\"S5.2\"", in: path)
        let line = try lineOf("frm=", in: path)
        let problem = try #require(ContentLoader(root: root).load().problems.first)
        #expect(problem.location.file == file && problem.location.line == line)
    }
}
