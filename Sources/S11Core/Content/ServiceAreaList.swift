/// The organisation's service areas, one list from the content: the staff survey's service-area
/// choice. Officers are given one of them, the staff choose one, and every report names them the
/// same way. Content without a staff survey has no list, and an officer's area is taken as typed.
public struct ServiceAreaList: Sendable, Hashable {
    /// The areas' names as the content writes them, in its order.
    public let names: [String]
    private let values: [String]

    public init(content: AuditContent, choiceID: String = "service-area") {
        let options = content.staffSurvey?.profile.first { $0.id == choiceID }?.options ?? []
        names = options.map(\.label)
        values = options.map(\.value)
    }

    /// The content's name for `text`: an area's name or its short value, ignoring case and spaces
    /// around; `text` itself when the content has no list; nil when it names no area.
    public func name(matching text: String) -> String? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !names.isEmpty else { return text.trimmingCharacters(in: .whitespaces) }
        let index = names.firstIndex { $0.lowercased() == key } ?? values.firstIndex { $0.lowercased() == key }
        return index.map { names[$0] }
    }
}
