import S11Core

/// The mapping of the boardScore table: one row, one `BoardScore`.
enum BoardScoreRow {
    static func score(_ row: SQLRow) -> BoardScore {
        BoardScore(kind: BoardScore.Kind(rawValue: row["kind"]) ?? .requirement, scopeID: row["scopeID"], percent: row["percent"],
                   rag: (row["rag"] as String?).flatMap(Rag.init(rawValue:)), moderated: (row["moderated"] as String?).flatMap(Rag.init(rawValue:)),
                   moderatedPercent: row["moderatedPercent"], isGap: (row["isGap"] as Int64) != 0,
                   answered: (row["answered"] as Int64?).map(Int.init), agreeing: (row["agreeing"] as Int64?).map(Int.init))
    }
}
