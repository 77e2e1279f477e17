/// Every column of a staff export, and its options' values and labels (lowercased, UTF-8) in flat
/// arrays, for matching a field's bytes with no allocation or reference counting: a million
/// answer sets have twenty million fields (`StaffCSVImport`).
struct StaffOptionKeys: Sendable {
    enum Kind: Sendable { case dropped, date, question }

    /// One column: what it holds, its question's position in the packed codes, and its keys.
    struct Column: Sendable {
        var kind: Kind
        var position: Int
        var keys: Range<Int>
    }

    private struct Key: Sendable {
        var start: Int
        var count: Int
        var code: UInt8
    }

    private(set) var columns: [Column] = []
    private var keys: [Key] = []
    private var bytes: [UInt8] = []

    /// Adds the next column: each option's code and the keys that mean it.
    mutating func add(_ kind: Kind, position: Int = -1, options: [(code: UInt8, keys: [[UInt8]])] = []) {
        let first = keys.count
        for option in options {
            for key in option.keys {
                keys.append(Key(start: bytes.count, count: key.count, code: option.code))
                bytes += key
            }
        }
        columns.append(Column(kind: kind, position: position, keys: first..<keys.count))
    }

    /// The code of the option whose value or label the field is, ignoring ASCII case.
    func code(_ field: UnsafeRawBufferPointer, column: Column) -> UInt8? {
        keys.withUnsafeBufferPointer { keys in
            bytes.withUnsafeBufferPointer { pool in
                for index in column.keys {
                    let key = keys[index]
                    guard key.count == field.count else { continue }
                    var offset = 0
                    while offset < key.count {
                        var byte = field[offset]
                        if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                        if byte != pool[key.start + offset] { break }
                        offset += 1
                    }
                    if offset == key.count { return key.code }
                }
                return nil
            }
        }
    }
}
