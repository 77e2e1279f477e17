/// What moving a store copied, table by table, with the checksum both sides agreed on.
public struct StoreMoveReport: Sendable {
    public struct Table: Sendable, Hashable {
        public var name: String
        public var rows: Int
        /// SHA-256 over the sum of every row's hash, so it does not depend on either engine's order.
        public var checksum: String
    }

    public var tables: [Table]
}
