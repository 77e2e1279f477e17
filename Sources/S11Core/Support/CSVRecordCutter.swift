/// Finds where a CSV file can be cut into parts that parse on their own: after a line feed outside
/// quotes, told by the parity of the quotes since the file's start (RFC 4180 doubles a quote
/// inside a quoted field, so an even count means outside). A file with a quote inside an unquoted
/// field can fool it; a part's parser then does not end between records
/// (`CSVParser.isBetweenRecords`), which is how a caller knows to read the rest in one piece.
public struct CSVRecordCutter: Sendable {
    /// Whether an odd number of quotes came before the bytes the next `cut` is given.
    public private(set) var insideQuotes = false

    public init() {}

    /// The offset just after the last line feed outside quotes in `bytes`, which follow every
    /// byte given before; nil when there is none. Counts the quotes in `bytes` either way.
    public mutating func cut(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var quotes = 0
        for byte in bytes where byte == 0x22 { quotes &+= 1 }
        let insideAtEnd = insideQuotes != (quotes & 1 == 1)
        defer { insideQuotes = insideAtEnd }
        // Back from the end, the quotes passed tell whether each byte is inside quotes.
        var inside = insideAtEnd
        var index = bytes.count
        while index > 0 {
            index -= 1
            switch bytes[index] {
            case 0x0A where !inside: return index + 1
            case 0x22: inside.toggle()
            default: break
            }
        }
        return nil
    }
}
