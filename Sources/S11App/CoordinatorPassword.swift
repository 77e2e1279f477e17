import HummingbirdBcrypt

/// Coordinators' passwords: bcrypt (slow and salted), with a floor on length.
public enum CoordinatorPassword {
    public static let minimumLength = 12

    /// Why a password is refused, or nil when it will do.
    public static func problem(_ password: String) -> String? {
        password.count < minimumLength ? "the password must be at least \(minimumLength) characters; a few unrelated words make a good one" : nil
    }

    public static func hash(_ password: String, cost: UInt8 = 12) -> String { Bcrypt.hash(password, cost: cost) }

    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
}
