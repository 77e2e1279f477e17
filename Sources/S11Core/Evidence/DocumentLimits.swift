/// How much evidence a return may carry: each file, and all of one officer's return together.
public struct DocumentLimits: Sendable, Hashable {
    public var perFile: Int64
    public var perReturn: Int64

    /// 20 MB a file, 200 MB a return.
    public static let standard = DocumentLimits(perFile: 20 * 1_000_000, perReturn: 200 * 1_000_000)

    public init(perFile: Int64, perReturn: Int64) {
        self.perFile = perFile
        self.perReturn = perReturn
    }

    /// A size in words, in decimal units as people read them: "20 MB", "1.5 MB", "830 KB", "12 bytes".
    public static func words(_ bytes: Int64) -> String {
        if bytes >= 1_000_000 {
            let tenths = (bytes + 50_000) / 100_000
            return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
        }
        if bytes >= 1_000 { return "\((bytes + 500) / 1_000) KB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
