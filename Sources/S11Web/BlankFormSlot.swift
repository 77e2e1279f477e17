/// What a staff survey's blank form leaves to each request (`PageShellCache`): its CSRF token.
enum BlankFormSlot: Sendable {
    case csrf
}
