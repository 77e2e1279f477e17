import Foundation
import Testing
@testable import S11Web

/// Every template is rendered from a struct made for it (`PageModel`), through the values it
/// encodes to (`TemplateValues`: its stored properties by name, a nil optional left out). For each
/// template an example of its model, every optional filled and every array non-empty
/// (`PageExamples`), is walked through the template as swift-mustache renders it: each name the
/// template uses (variables, sections, inverted sections, dotted names, through its partials)
/// must resolve, looked for in the innermost section's value and then outwards; a section over an
/// array is entered with its element, over a Bool with nothing new, over any other value with that
/// value. A template without an example fails, and so does a name its model lacks.
@Suite struct TemplateModelTests {
    static let folder = WebFixture.packageRoot.appendingPathComponent("Sources/S11Web/Templates")

    /// Every template, by name.
    static func templates() throws -> [String: [TemplateToken]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        return try Dictionary(uniqueKeysWithValues: names.map { file in
            let name = String(file.dropLast(".mustache".count))
            return (name, try TemplateToken.parse(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8), template: name))
        })
    }

    @Test func everyTemplateHasAnExampleModelAndEveryNameItUsesResolvesInIt() throws {
        let templates = try Self.templates()
        let partials = Set(templates.values.flatMap { $0.flatMap(\.partials) })
        let examples = Dictionary(grouping: PageExamples.all, by: { type(of: $0).template })
        for name in templates.keys.sorted() where !partials.contains(name) {
            #expect(examples[name] != nil, "template \(name) has no example model in PageExamples")
        }
        for (name, models) in examples {
            #expect(templates[name] != nil, "\(type(of: models[0])) names template \(name), which does not exist")
            #expect(!partials.contains(name), "\(name) is a partial, rendered from the page that includes it")
        }
        for example in PageExamples.all {
            let name = type(of: example).template
            guard let tokens = templates[name] else { continue }
            var problems: [String] = []
            NameCheck(templates: templates, template: name, problems: { problems.append($0) })
                .walk(tokens, stack: [try TemplateEncoder.values(of: example)], in: name)
            #expect(problems.isEmpty, "\(name) (\(type(of: example))):\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test func theCheckFindsANameTheModelLacks() throws {
        let tokens = try TemplateToken.parse("{{#rows}}{{label}}{{/rows}}{{^rows}}{{none}}{{/rows}}{{#open}}{{.}}{{missing.deeper}}{{/open}}",
                                             template: "test")
        struct Row: Encodable { let label: String }
        struct Model: Encodable { let rows: [Row]; let open: String }
        var problems: [String] = []
        NameCheck(templates: [:], template: "test", problems: { problems.append($0) })
            .walk(tokens, stack: [try TemplateEncoder.values(of: Model(rows: [Row(label: "x")], open: "y"))], in: "test")
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("{{none}}") } && problems.contains { $0.contains("{{missing.deeper}}") })
    }

    /// The names a template reads are the model's stored properties: what it encodes is each
    /// property by its own name (no renaming CodingKeys), at every level, a `PagePart`'s properties
    /// as the page's own.
    @Test func aPagesValuesAreItsModelsStoredProperties() throws {
        /// A model's stored properties by name, a `PagePart`'s in its place.
        func fields(_ model: Any) -> [(String, Any)] {
            Mirror(reflecting: model).children.flatMap { child -> [(String, Any)] in
                if child.value is any PagePart { return fields(child.value) }
                return NameCheck.child(child.label ?? "", of: model).map { [(child.label ?? "", $0)] } ?? []
            }
        }
        func compare(_ model: Any, _ value: TemplateValue, at path: String, _ problems: inout [String]) {
            let mirror = Mirror(reflecting: model)
            switch value {
            case .values(let values):
                let children = fields(model)
                if Set(children.map(\.0)) != Set(values.values.keys) {
                    problems.append("\(path): \(type(of: model)) has \(children.map(\.0).sorted()), encodes \(values.values.keys.sorted())")
                }
                for (name, child) in children {
                    if let encoded = values.values[name] { compare(child, encoded, at: "\(path).\(name)", &problems) }
                }
            case .list(let list):
                let items = mirror.children.map(\.value)
                if items.count != list.items.count { problems.append("\(path): \(items.count) items, \(list.items.count) encoded") }
                for (index, (item, encoded)) in zip(items, list.items).enumerated() { compare(item, encoded, at: "\(path)[\(index)]", &problems) }
            case .text, .flag:
                break
            }
        }
        for example in PageExamples.all {
            var problems: [String] = []
            compare(example, .values(try TemplateEncoder.values(of: example)), at: type(of: example).template, &problems)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    @Test func everyExampleRendersThroughTheTemplateLibrary() async throws {
        let pages = try await PageRenderer()
        for example in PageExamples.all {
            let html = try pages.render(example)
            if example is ReportBanner {                           // the bar a report puts in its own page
                #expect(html.contains("action=\"/admin/logout\"") && !html.contains("<html"))
            } else {
                #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("</html>"), "\(type(of: example).template)")
            }
        }
    }
}

/// A Mustache template's tags, as far as names go: text is left out.
enum TemplateToken {
    case variable(String)
    case section(String, [TemplateToken])
    case invertedSection(String, [TemplateToken])
    case partial(String)

    /// The partials this token includes, directly or in its sections.
    var partials: [String] {
        switch self {
        case .variable: []
        case .section(_, let children), .invertedSection(_, let children): children.flatMap(\.partials)
        case .partial(let name): [name]
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// The tags of `text`: `{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}...{{/name}}`,
    /// `{{^name}}...{{/name}}`, `{{> partial}}`, `{{! comment}}`.
    static func parse(_ text: String, template: String) throws -> [TemplateToken] {
        var stack: [(name: String, inverted: Bool, tokens: [TemplateToken])] = [("", false, [])]
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let triple = rest[open.upperBound...].hasPrefix("{")
            guard let close = rest[open.upperBound...].range(of: triple ? "}}}" : "}}") else {
                throw ParseError(description: "\(template): a tag is not closed")
            }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if triple { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
            let sigil = tag.first
            let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!": continue
            case "=": throw ParseError(description: "\(template): delimiters are changed, which this check does not follow")
            case "#", "^": stack.append((name, sigil == "^", []))
            case "/":
                guard stack.count > 1, let section = stack.popLast(), section.name == name else {
                    throw ParseError(description: "\(template): {{/\(name)}} closes no section of that name")
                }
                stack[stack.count - 1].tokens.append(section.inverted ? .invertedSection(name, section.tokens) : .section(name, section.tokens))
            case ">": stack[stack.count - 1].tokens.append(.partial(name))
            case "&": stack[stack.count - 1].tokens.append(.variable(name))
            default: stack[stack.count - 1].tokens.append(.variable(tag))
            }
        }
        guard stack.count == 1 else { throw ParseError(description: "\(template): {{#\(stack.last!.name)}} is not closed") }
        return stack[0].tokens
    }
}

/// Walks a template's tokens over a page's context stack as swift-mustache resolves names.
struct NameCheck {
    let templates: [String: [TemplateToken]]
    let template: String
    let problems: (String) -> Void

    func walk(_ tokens: [TemplateToken], stack: [Any], in file: String, partials: [String] = []) {
        for token in tokens {
            switch token {
            case .variable(let name):
                guard let value = resolve(name, in: stack) else {
                    problems("\(file): {{\(name)}} names nothing in \(describe(stack))")
                    continue
                }
                if !(value is String) {
                    problems("\(file): {{\(name)}} is a \(type(of: value)), which would be written as Swift prints it")
                }
            case .section(let name, let children):
                guard let value = resolve(name, in: stack) else {
                    problems("\(file): {{#\(name)}} names nothing in \(describe(stack))")
                    continue
                }
                if let array = value as? [Any] {
                    guard let first = array.first else {
                        problems("\(file): {{#\(name)}} is an empty array in the example; fill it so that its rows are checked")
                        continue
                    }
                    walk(children, stack: stack + [first], in: file, partials: partials)
                } else if value is Bool {
                    walk(children, stack: stack, in: file, partials: partials)
                } else {
                    walk(children, stack: stack + [value], in: file, partials: partials)
                }
            case .invertedSection(let name, let children):
                if resolve(name, in: stack) == nil { problems("\(file): {{^\(name)}} names nothing in \(describe(stack))") }
                walk(children, stack: stack, in: file, partials: partials)
            case .partial(let name):
                guard let tokens = templates[name] else {
                    problems("\(file): the partial {{> \(name)}} is not a template")
                    continue
                }
                guard !partials.contains(name) else { continue }
                walk(tokens, stack: stack, in: "\(file) > \(name)", partials: partials + [name])
            }
        }
    }

    /// The value `name` names: `.` the innermost value; else its first part looked for in each value
    /// from the innermost outwards, the rest within that (as swift-mustache asks a `MustacheParent`).
    func resolve(_ name: String, in stack: [Any]) -> Any? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        for object in stack.reversed() {
            guard var value = (object as? TemplateValues)?.child(named: parts[0]) else { continue }
            for part in parts.dropFirst() {
                guard let next = (value as? TemplateValues)?.child(named: part) else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    /// A stored property of `object` by name, unwrapped from its optional; nil when it has none or it is nil.
    static func child(_ name: String, of object: Any) -> Any? {
        guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// The stack, innermost first, by the names each level holds.
    private func describe(_ stack: [Any]) -> String {
        stack.reversed().map { level in
            (level as? TemplateValues).map { "{" + $0.values.keys.sorted().joined(separator: ", ") + "}" } ?? "\(type(of: level))"
        }.joined(separator: " < ")
    }
}
