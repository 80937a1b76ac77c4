/// Gives back the same `[String]` for the same values of a vote's extra columns, so that votes
/// with the same age, sex, district… share one array instead of each making its own.
struct ValueRowInterner {
    private var table = ByteKeyTable()
    private var rows: [[String]] = []
    /// The key of the row being looked up: each value's length and bytes. The length takes one
    /// byte, or 255 and four more bytes for a value of 255 bytes or longer.
    private var key: [UInt8] = []

    /// The values of `fields` at `positions`, as text.
    mutating func intern(_ fields: [CSVScanner.Field], at positions: [Int]) -> [String] {
        key.removeAll(keepingCapacity: true)
        for position in positions {
            let field = fields[position]
            if field.count < 255 {
                key.append(UInt8(field.count))
            } else {
                key.append(255)
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: field.count).littleEndian) { key.append(contentsOf: $0) }
            }
            key.append(contentsOf: field)
        }
        let known = key.withUnsafeBufferPointer { table.insert($0, value: rows.count) }
        if let known { return rows[known] }
        let row = positions.map { CSVScanner.text(fields[$0]) }
        rows.append(row)
        return row
    }
}
