import S11Core
import Foundation

/// Random bytes from the system's secure generator, for link tokens and the keys of anonymous
/// answers: read in one go from /dev/urandom (a generator call costs a system call per eight bytes),
/// falling back to `SystemRandomNumberGenerator`.
enum SecureRandom {
    static func bytes(_ count: Int) -> [UInt8] {
        if let device = FileHandle(forReadingAtPath: "/dev/urandom") {
            defer { try? device.close() }
            if let data = try? device.read(upToCount: count), data.count == count { return [UInt8](data) }
        }
        var generator = SystemRandomNumberGenerator()
        let words = (0..<(count + 7) / 8).map { _ in generator.next() }
        return words.withUnsafeBytes { Array($0.prefix(count)) }
    }

    /// `count` random keys of `length` bytes each.
    static func keys(_ count: Int, length: Int = 16) -> [Data] {
        let bytes = bytes(count * length)
        return (0..<count).map { Data(bytes[($0 * length)..<($0 * length + length)]) }
    }
}
