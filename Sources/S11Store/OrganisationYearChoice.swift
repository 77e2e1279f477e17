/// Picks the one item (an audit, a plan) that an organisation and/or a year name, as the command
/// line's `--org` and `--year` do, or explains what matches instead.
enum OrganisationYearChoice {
    static func one<Item>(of all: [Item], organisation: String?, year: Int?, key: (Item) -> (String, Int),
                          what: String, none: String) throws -> Item {
        func name(_ item: Item) -> String { "\(key(item).0) \(key(item).1)" }
        let matching = all.filter {
            (organisation == nil || key($0).0.lowercased() == organisation!.lowercased()) && (year == nil || key($0).1 == year!)
        }
        if matching.count == 1 { return matching[0] }
        if all.isEmpty { throw StoreError(none) }
        // A board's server holds thousands: name a few, and how many more.
        func some(_ items: [Item]) -> String {
            let shown = items.prefix(10).map(name).joined(separator: "; ")
            return items.count > 10 ? shown + "; and \(items.count - 10) more" : shown
        }
        if matching.isEmpty {
            let wanted = [organisation, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            throw StoreError("no \(what) for \(wanted); there are: \(some(all))")
        }
        throw StoreError("several \(what)s match; name one with --org and --year (\(some(matching)))")
    }
}
