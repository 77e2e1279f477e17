/// Which comes first in an export's slashed dates: day (`20/11/2026`, as UK exports write them) or
/// month (`11/20/2026`, as US ones do). A file is read in one order, decided from all its dates.
public enum DateOrder: String, Sendable, CaseIterable {
    case dmy, mdy
}
