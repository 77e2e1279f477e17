/// An officer's proposed action as the drafter compares it with another: its words, case, spacing
/// and punctuation aside.
struct ProposalWords: Hashable {
    let words: [String]

    init(_ text: String) {
        words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Most of the words of the longer of the two are in the other: the same action said another way.
    func isNearly(_ other: ProposalWords) -> Bool {
        let mine = Set(words), theirs = Set(other.words)
        guard !mine.isEmpty, !theirs.isEmpty else { return false }
        return Double(mine.intersection(theirs).count) > Double(max(mine.count, theirs.count)) / 2
    }
}
