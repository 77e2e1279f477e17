/// Checks the meaning of a content library that is already schema-valid: ids unique, every
/// reference resolves, weights positive, every requirement asked somewhere.
public struct ContentValidator: Sendable {
    public init() {}

    public func validate(_ library: ContentLibrary) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ location: SourceLocation?, _ message: String) {
            problems.append(Diagnostic(location ?? SourceLocation(file: "?", line: 0, column: 0), message))
        }
        func checkUnique<T>(_ items: [T], id: (T) -> String, location: (T) -> SourceLocation?, what: String) {
            var seen: [String: SourceLocation?] = [:]
            for item in items {
                let key = id(item)
                if let first = seen[key] {
                    let earlier = first.map { " (first at line \($0.line))" } ?? ""
                    report(location(item), "duplicate \(what) id '\(key)'\(earlier); give each \(what) its own id")
                } else {
                    seen[key] = location(item)
                }
            }
        }

        checkUnique(library.catalogues, id: \.id, location: \.location, what: "catalogue")
        checkUnique(library.scales, id: \.id, location: \.location, what: "scale")
        checkUnique(library.surveys, id: \.id, location: \.location, what: "survey")
        checkUnique(library.crosswalks, id: \.id, location: \.location, what: "crosswalk")
        for crosswalk in library.crosswalks { validateCrosswalk(crosswalk, library: library, report: report) }

        for scale in library.scales {
            var values = Set<String>()
            for option in scale.options where !values.insert(option.value.lowercased()).inserted {
                report(scale.location, "scale '\(scale.id)' lists option '\(option.value)' twice")
            }
            if values.contains("na") {
                report(scale.location, "scale '\(scale.id)' uses the option value 'na', which s11 keeps for not applicable")
            }
            if scale.maxScore <= scale.minScore {
                report(scale.location, "scale '\(scale.id)' needs at least two options with different scores")
            }
        }

        for catalogue in library.catalogues {
            checkUnique(catalogue.standards, id: \.id, location: \.location, what: "standard")
            checkUnique(catalogue.requirements, id: \.id, location: \.location, what: "requirement")
            checkUnique(catalogue.standards, id: { String($0.number) }, location: \.location, what: "standard number")
            for requirement in catalogue.requirements where !(requirement.weight > 0) {
                report(requirement.location, "requirement '\(requirement.id)' has weight \(requirement.weight); weights must be greater than 0")
            }
            let selfSurveys = library.surveys.filter { $0.catalogueID == catalogue.id && $0.kind == .selfAssessment }
            let asked = Set(selfSurveys.flatMap(\.questions).map(\.requirementID))
            let roles = Set(selfSurveys.flatMap(\.roles).map(\.id))
            for requirement in catalogue.requirements {
                if !asked.contains(requirement.id) {
                    report(requirement.location, "requirement '\(requirement.id)' is not asked in any self-assessment survey; add a question for it in Surveys/")
                }
                if !selfSurveys.isEmpty && !roles.contains(requirement.improvement.leadRole) {
                    report(requirement.improvement.location ?? requirement.location,
                           "lead role '\(requirement.improvement.leadRole)' of requirement '\(requirement.id)' is not a role of the self-assessment survey (roles: \(roles.sorted().joined(separator: ", ")))")
                }
            }
        }

        let scaleIDs = Set(library.scales.map(\.id))
        for survey in library.surveys {
            guard let catalogue = library.catalogues.first(where: { $0.id == survey.catalogueID }) else {
                report(survey.location, "survey '\(survey.id)' names catalogue '\(survey.catalogueID)', which is not in Standards/")
                continue
            }
            checkUnique(survey.questions, id: \.id, location: \.location, what: "question")
            checkUnique(survey.statements, id: \.id, location: \.location, what: "statement")
            checkUnique(survey.roles, id: \.id, location: { _ in survey.location }, what: "role")
            checkUnique(survey.profile, id: \.id, location: { _ in survey.location }, what: "profile choice")
            validateKind(survey, report: report)
            validateBands(survey, report: report)
            let roleIDs = Set(survey.roles.map(\.id))
            var askedHere: [String: String] = [:]
            for section in survey.sections {
                guard let standard = catalogue.standard(section.standardID) else {
                    report(section.location, "section names standard '\(section.standardID)', which is not in catalogue '\(catalogue.id)'")
                    continue
                }
                for role in section.roles where !roleIDs.contains(role) {
                    report(section.location, "section for '\(section.standardID)' names role '\(role)', which is not declared under <roles>")
                }
                for question in section.questions {
                    if !scaleIDs.contains(question.scaleID) {
                        report(question.location, "question '\(question.id)' uses scale '\(question.scaleID)', which is not defined in Surveys/scales")
                    }
                    if catalogue.requirement(question.requirementID) == nil {
                        report(question.location, "question '\(question.id)' points at requirement '\(question.requirementID)', which is not in catalogue '\(catalogue.id)'")
                    } else if !standard.requirements.contains(where: { $0.id == question.requirementID }) {
                        report(question.location, "question '\(question.id)' asks about requirement '\(question.requirementID)', which belongs to another standard than section '\(section.standardID)'")
                    }
                    if let other = askedHere[question.requirementID] {
                        report(question.location, "requirement '\(question.requirementID)' is asked twice in survey '\(survey.id)' (also by question '\(other)')")
                    } else {
                        askedHere[question.requirementID] = question.id
                    }
                }
            }
            for statement in survey.statements {
                if !scaleIDs.contains(statement.scaleID) {
                    report(statement.location, "statement '\(statement.id)' uses scale '\(statement.scaleID)', which is not defined in Surveys/scales")
                }
                if let requirement = statement.requirementID, catalogue.requirement(requirement) == nil {
                    report(statement.location, "statement '\(statement.id)' points at requirement '\(requirement)', which is not in catalogue '\(catalogue.id)'")
                }
            }
        }
        return problems
    }

    /// A crosswalk joins two different catalogues in Standards/, and every requirement it names is in its catalogue.
    private func validateCrosswalk(_ crosswalk: Crosswalk, library: ContentLibrary, report: (SourceLocation?, String) -> Void) {
        let known = library.catalogues.map(\.id).joined(separator: ", ")
        let from = library.catalogues.first { $0.id == crosswalk.fromCatalogue }
        let to = library.catalogues.first { $0.id == crosswalk.toCatalogue }
        if from == nil { report(crosswalk.location, "crosswalk '\(crosswalk.id)' reads from catalogue '\(crosswalk.fromCatalogue)', which is not in Standards/ (it has \(known))") }
        if to == nil { report(crosswalk.location, "crosswalk '\(crosswalk.id)' reads into catalogue '\(crosswalk.toCatalogue)', which is not in Standards/ (it has \(known))") }
        if crosswalk.fromCatalogue == crosswalk.toCatalogue {
            report(crosswalk.location, "crosswalk '\(crosswalk.id)' joins catalogue '\(crosswalk.fromCatalogue)' to itself; name the other board's catalogue in to=\"...\"")
        }
        let fromIDs = Set(from?.requirements.map(\.id) ?? []), toIDs = Set(to?.requirements.map(\.id) ?? [])
        for mapping in crosswalk.mappings {
            if let from, !fromIDs.contains(mapping.from) {
                report(mapping.location, "from=\"\(mapping.from)\" is not a requirement of catalogue '\(from.id)'; requirement ids look like \(from.requirements.first?.id ?? "S1.1")")
            }
            if let to, !toIDs.contains(mapping.to) {
                report(mapping.location, "to=\"\(mapping.to)\" is not a requirement of catalogue '\(to.id)'; requirement ids look like \(to.requirements.first?.id ?? "S1.1")")
            }
        }
    }

    private func validateKind(_ survey: Survey, report: (SourceLocation?, String) -> Void) {
        switch survey.kind {
        case .selfAssessment:
            if survey.sections.isEmpty { report(survey.location, "self-assessment survey '\(survey.id)' has no sections of questions") }
            if survey.roles.isEmpty { report(survey.location, "self-assessment survey '\(survey.id)' declares no <roles>; officers need a role") }
        case .staffConfidence:
            if survey.statements.isEmpty { report(survey.location, "staff confidence survey '\(survey.id)' has no statements") }
        }
    }

    private func validateBands(_ survey: Survey, report: (SourceLocation?, String) -> Void) {
        guard !survey.bands.isEmpty else { return }
        var seen = Set<Rag>()
        for band in survey.bands where !seen.insert(band.rag).inserted {
            report(survey.location, "band '\(band.rag.rawValue)' is given twice in survey '\(survey.id)'")
        }
        if !survey.bands.contains(where: { $0.minPercent == 0 }) {
            report(survey.location, "the bands of survey '\(survey.id)' leave scores below \(survey.bands.map(\.minPercent).min() ?? 0)% without a colour; give the lowest band minPercent=\"0\"")
        }
        let ordered = survey.bands.sorted { $0.minPercent > $1.minPercent }.map(\.rag)
        if ordered != ordered.sorted() {
            report(survey.location, "the bands of survey '\(survey.id)' must rise in colour with the percentage (blue above green above amber above red)")
        }
    }
}
