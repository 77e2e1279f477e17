import Foundation

/// Pages rendered once and filled in per request: the template is rendered with a marker wherever
/// a request's own values go (its CSRF token, an officer's answers), the result is cut at the
/// markers once and kept, and each request only joins the parts around its values. Rendering a
/// survey's page for every respondent cost several times storing their answers.
///
/// A marker stands for slot `n` of the caller's slots: `value(n)` marks where a value goes;
/// `regionStart(n)` and `regionEnd(n)` around part of the template mark text the request keeps
/// or leaves out (the fill is given that text). At most `limit` pages are kept; the cache starts
/// again when it is full.
final class PageShellCache<Slot: Sendable>: @unchecked Sendable {
    /// One page cut at its markers: `parts[i]`, then slot `slots[i]`'s text, then `parts[i + 1]`...
    struct Shell: Sendable {
        var parts: [String]
        var slots: [(slot: Slot, region: String?)]
    }

    /// Letters and digits only, so that a template's escaping leaves a marker as it is, and
    /// nothing a survey's text could contain.
    private static var prefix: String { "s11slotQxZq" }
    static func value(_ slot: Int) -> String { "\(prefix)\(slot)v" }
    static func regionStart(_ slot: Int) -> String { "\(prefix)\(slot)s" }
    static func regionEnd(_ slot: Int) -> String { "\(prefix)\(slot)e" }

    private let lock = NSLock()
    private var shells: [String: Shell] = [:]
    private let limit: Int

    init(limit: Int = 500) { self.limit = limit }

    /// The page for `key`, each slot filled by `fill` (given the slot and, for a region, its
    /// text). The first time, `render` gives the page with markers for the slots it returns.
    func page(_ key: String, render: () throws -> (html: String, slots: [Slot]),
              fill: (Slot, _ region: String?) -> String) rethrows -> String {
        let shell: Shell
        if let kept = lock.withLock({ shells[key] }) {
            shell = kept
        } else {
            let rendered = try render()
            shell = Self.cut(rendered.html, slots: rendered.slots)
            lock.withLock {
                if shells.count >= limit { shells.removeAll() }
                shells[key] = shell
            }
        }
        var page = shell.parts[0]
        page.reserveCapacity(shell.parts.reduce(0) { $0 + $1.utf8.count } + 1_024)
        for (index, slot) in shell.slots.enumerated() {
            page += fill(slot.slot, slot.region)
            page += shell.parts[index + 1]
        }
        return page
    }

    /// Cuts a rendered page at its markers. A marker of a slot the caller did not give is a
    /// programming error.
    static func cut(_ html: String, slots: [Slot]) -> Shell {
        var parts: [String] = []
        var found: [(slot: Slot, region: String?)] = []
        var rest = Substring(html)
        var text = ""
        while let range = rest.range(of: prefix) {
            text += rest[..<range.lowerBound]
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let kind = rest[digits.endIndex]
            let number = Int(digits)!
            rest = rest[rest.index(after: digits.endIndex)...]
            switch kind {
            case "v":
                parts.append(text)
                text = ""
                found.append((slots[number], nil))
            case "s":
                let end = regionEnd(number)
                let close = rest.range(of: end)!
                parts.append(text)
                text = ""
                found.append((slots[number], String(rest[..<close.lowerBound])))
                rest = rest[close.upperBound...]
            default:
                preconditionFailure("a region's end without its start in a rendered page")
            }
        }
        parts.append(text + rest)
        return Shell(parts: parts, slots: found)
    }
}
