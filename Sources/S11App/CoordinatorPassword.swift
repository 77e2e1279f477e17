import HummingbirdBcrypt

/// Coordinators' passwords, as the NCSC advises: length over complexity (at least 12 characters,
/// no rules about symbols, never forced to change), and none that an attacker tries first: a
/// common password (or one with digits or symbols added), one character or a short run repeated,
/// a run along the keyboard's digits or letters, or the account's own e-mail name. Kept with
/// bcrypt (slow and salted).
public enum CoordinatorPassword {
    public static let minimumLength = 12

    /// Why `password` is refused for the account `email`, or nil when it will do.
    public static func problem(_ password: String, email: String? = nil) -> String? {
        let advice = "; a few unrelated words make a good one"
        if password.count < minimumLength { return "the password must be at least \(minimumLength) characters" + advice }
        if CommonPasswords.contains(password) {
            return "that is one of the passwords people use most, which attackers try first" + advice
        }
        if isRepetition(password) { return "that password repeats the same few characters, which attackers try first" + advice }
        if isRun(password) { return "that password runs along the keyboard or the alphabet, which attackers try first" + advice }
        if let name = guessableName(in: password, email: email) {
            return "that password contains \"\(name)\" from your e-mail address, which anyone who knows it would try" + advice
        }
        return nil
    }

    public static func hash(_ password: String, cost: UInt8 = 12) -> String { Bcrypt.hash(password, cost: cost) }

    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// One short unit over and over: "aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword".
    private static func isRepetition(_ password: String) -> Bool {
        let characters = Array(password.lowercased())
        if Set(characters).count <= 2 { return true }
        for size in 1...(characters.count / 2) where characters.count % size == 0 {
            let unit = characters[0..<size]
            if stride(from: size, to: characters.count, by: size).allSatisfy({ characters[$0..<$0 + size] == unit }) { return true }
        }
        return false
    }

    /// Mostly steps of one along the digits, the alphabet or a keyboard row: "123456789012",
    /// "abcdefghijkl", "qwertyuiop12".
    private static func isRun(_ password: String) -> Bool {
        let rows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz"]
        let characters = Array(password.lowercased())
        var steps = 0
        for (a, b) in zip(characters, characters.dropFirst()) {
            if rows.contains(where: { row in
                guard let i = row.firstIndex(of: a), let j = row.firstIndex(of: b) else { return false }
                return abs(row.distance(from: i, to: j)) == 1 || (row.first == "1" && Set([a, b]) == Set(["0", "1"]))
            }) { steps += 1 }
        }
        return steps * 4 >= (characters.count - 1) * 3
    }

    /// The e-mail address's name, or its organisation's, when the password contains it (four letters or more).
    private static func guessableName(in password: String, email: String?) -> String? {
        guard let email = email?.lowercased(), let at = email.firstIndex(of: "@") else { return nil }
        let local = email[..<at].split(whereSeparator: { !$0.isLetter }).map(String.init)
        let domain = email[email.index(after: at)...].split(separator: ".").first.map(String.init).map { [$0] } ?? []
        let lowered = password.lowercased()
        return (local + domain).first { $0.count >= 4 && lowered.contains($0) }
    }
}
