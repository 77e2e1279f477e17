import Foundation
import S11Core
import Synchronization

/// Each audit's decoded staff codebook, kept with the exact JSON it was decoded from: every staff
/// submission reads the stored JSON (it may have grown since) and decodes it again only when it
/// differs. Decoding it on every submission was a sixth of the web's time, inside the write lock.
final class StaffCodebookCache: Sendable {
    private let decoded = Mutex<[Int64: (json: String, codebook: StaffCodebook)]>([:])

    /// The codebook `json` holds for the audit.
    func codebook(auditID: Int64, json: String) throws -> StaffCodebook {
        if let hit = decoded.withLock({ $0[auditID] }), hit.json == json { return hit.codebook }
        let codebook = try JSONDecoder().decode(StaffCodebook.self, from: Data(json.utf8))
        decoded.withLock { $0[auditID] = (json, codebook) }
        return codebook
    }
}
