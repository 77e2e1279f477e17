/// A short fingerprint of what is saved for some questions. A form carries the fingerprint of the
/// answers it was shown with; if the saved answers differ when it comes back (changed meanwhile in
/// another tab or browser), the form is not saved over them unseen. FNV-1a over the answers'
/// fields: it detects change, it is not a secret.
public enum AnswerSetVersion {
    public static func of(_ answers: [String: Answer], questionIDs: [String]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ text: String?) {
            for byte in (text ?? "\u{0}").utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3                  // field separator
        }
        for id in questionIDs {
            let answer = answers[id]
            add(id)
            add(answer?.optionValue)
            add(answer?.evidence)
            add(answer?.example)
            add(answer?.reason)
            add(answer?.improvement?.action)
            add(answer?.improvement?.lead)
            add(answer?.improvement?.by)
            add(answer?.improvement?.measure)
            add(answer?.carried == true ? "carried" : nil)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
