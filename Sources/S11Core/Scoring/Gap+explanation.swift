extension Gap {
    /// Why the requirement is a gap, in words for a plan's or report's readers.
    public var explanation: String {
        var sentences: [String] = []
        for reason in reasons {
            switch reason {
            case .lowRating(let rating):
                guard let percent = rating.percent, let rag = rating.rag else { continue }
                var text = "Self-assessed at \(PercentText.format(percent))% (\(rag.label))"
                if let capped = rating.capped { text += "; \(capped)" }
                sentences.append(text + ".")
            case .gapAnswers(let answers):
                // By service area, never by name: the plan goes to the board, which sees no
                // officer's answer.
                var byLabel: [(String, [String])] = []
                for answer in answers {
                    if let i = byLabel.firstIndex(where: { $0.0 == answer.optionLabel }) {
                        if !byLabel[i].1.contains(answer.serviceArea) { byLabel[i].1.append(answer.serviceArea) }
                    } else {
                        byLabel.append((answer.optionLabel, [answer.serviceArea]))
                    }
                }
                // An area too small to name (`ServiceAreaFolding`) is counted, never named.
                sentences += byLabel.map { label, areas in
                    let named = areas.filter { !$0.isEmpty }
                    let unnamed = named.count < areas.count ? [named.isEmpty ? "a service area" : "another service area"] : []
                    return "\(label): \((named + unnamed).joined(separator: ", "))."
                }
            case .inconsistentPractice(let spread):
                sentences.append("Answers differ by \(spread) steps across officers: inconsistent practice.")
            case .staffConfidence(_, let statement, let reasons):
                sentences.append("Staff survey, \"\(statement)\": " + reasons.joined(separator: " "))
            case .moderated(let moderation):
                sentences.append("Moderated to \(moderation.rag.label) (\(moderation.scope)) by \(moderation.by): \(moderation.reason)"
                                 + (moderation.reason.hasSuffix(".") ? "" : "."))
            }
        }
        return sentences.joined(separator: " ")
    }

}
