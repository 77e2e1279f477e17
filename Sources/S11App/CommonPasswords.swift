import Foundation

/// The passwords people use most (Resources/common-passwords.txt: zxcvbn's list of 30,000), which
/// an attacker tries first; read once, lower-cased.
enum CommonPasswords {
    static let all: Set<String> = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("Resources/common-passwords.txt is missing from the S11App bundle")
        }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
    }()

    /// Whether `password` is a common one, or a common one of four letters or more with digits
    /// or symbols before or after it ("Password2027!", "!!iloveyou99"), case aside.
    static func contains(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if all.contains(lowered) { return true }
        let stem = lowered.trimmingCharacters(in: CharacterSet.letters.inverted)
        return stem.count >= 4 && stem != lowered && all.contains(stem)
    }
}
