/// Gives back the same `[String]` for the same values of a vote's extra columns, so that votes
/// with the same age, sex, district… share one array instead of each making its own.
///
/// A row is looked up by its bytes: where the extra columns sit side by side in the header and
/// their fields are plain views of the input (no quotes), by the run of input from the first
/// field to the last (`67;F;internet`), read in place; otherwise by a key made of each value's
/// length and bytes.
struct ValueRowInterner {
    /// The header positions of the extra columns.
    private let positions: [Int]
    /// Whether the positions follow each other (`2, 3, 4`).
    private let consecutive: Bool
    /// The input the scanner reads, to tell its views from unquoted copies.
    private let input: UnsafeBufferPointer<UInt8>
    /// Runs of input → index in `rows`.
    private var runs = ByteKeyTable()
    /// Length-prefixed keys → index in `rows`.
    private var keys = ByteKeyTable()
    private var rows: [[String]] = []
    /// The key being built for a row that is not one run of input.
    private var key: [UInt8] = []

    /// - Parameters:
    ///   - positions: the header positions of the extra columns, in order.
    ///   - input: the bytes the scanner reads.
    init(positions: [Int], input: UnsafeBufferPointer<UInt8>) {
        self.positions = positions
        consecutive = zip(positions, positions.dropFirst()).allSatisfy { $0 + 1 == $1 }
        self.input = input
    }

    /// The values of the extra columns among `fields`, as text.
    mutating func intern(_ fields: [CSVScanner.Field]) -> [String] {
        if let run = inputRun(fields) {
            if let known = runs.insert(run, value: rows.count) { return rows[known] }
            return newRow(fields)
        }
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
        let known = key.withUnsafeBufferPointer { keys.insert($0, value: rows.count) }
        if let known { return rows[known] }
        return newRow(fields)
    }

    /// The input from the first extra field to the last, when the fields are views of the
    /// input one separator apart: then those bytes say exactly what the values are.
    private func inputRun(_ fields: [CSVScanner.Field]) -> CSVScanner.Field? {
        guard consecutive, let inputStart = input.baseAddress else { return nil }
        let first = fields[positions[0]]
        guard var end = first.baseAddress, end >= inputStart else { return nil }
        end += first.count
        for position in positions.dropFirst() {
            let field = fields[position]
            guard field.baseAddress == end + 1 else { return nil }
            end += 1 + field.count
        }
        guard end <= inputStart + input.count else { return nil }
        return CSVScanner.Field(start: first.baseAddress, count: end - first.baseAddress!)
    }

    private mutating func newRow(_ fields: [CSVScanner.Field]) -> [String] {
        let row = positions.map { CSVScanner.text(fields[$0]) }
        rows.append(row)
        return row
    }
}
