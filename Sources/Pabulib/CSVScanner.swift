/// Splits a pabulib file into records of `;`-separated fields in one pass over its bytes.
///
/// Quoting follows CSV: a field that starts with `"` runs to the matching `"`, a doubled `""`
/// stands for one quote, and a quoted field may hold `;` and line breaks. Lines end in LF or CRLF.
struct CSVScanner {
    /// A field's bytes in the buffer, and whether it needs unquoting.
    struct Field {
        var range: Range<Int>
        var hasEscapedQuotes: Bool
    }

    private let bytes: [UInt8]
    private var position: Int
    /// The 1-based line number where the next record starts.
    private(set) var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // Skip a UTF-8 byte order mark.
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Reads the next non-empty record into `fields`.
    ///
    /// - Returns: the line number where the record starts, or `nil` at the end of the input.
    /// - Throws: ``CSVScanner/UnterminatedQuote`` when a quoted field never closes.
    mutating func nextRecord(into fields: inout [Field]) throws(UnterminatedQuote) -> Int? {
        while position < bytes.count {
            fields.removeAll(keepingCapacity: true)
            let start = line
            try scanRecord(into: &fields)
            if fields.count == 1, fields[0].range.isEmpty { continue }
            return start
        }
        return nil
    }

    /// The text of a field, unquoted.
    func text(_ field: Field) -> String {
        let raw = String(decoding: bytes[field.range], as: UTF8.self)
        return field.hasEscapedQuotes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// Calls `body` with the bytes of a field's text: its bytes in the buffer, or an unquoted
    /// copy when the field holds doubled quotes.
    func withKey<Result>(of field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if field.hasEscapedQuotes {
            return Array(text(field).utf8).withUnsafeBufferPointer(body)
        }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.range])) }
    }

    /// The raw bytes of a field (quotes already removed, escapes not undone).
    func bytes(of field: Field) -> ArraySlice<UInt8> {
        bytes[field.range]
    }

    struct UnterminatedQuote: Error {
        var line: Int
    }

    private mutating func scanRecord(into fields: inout [Field]) throws(UnterminatedQuote) {
        let semicolon = UInt8(ascii: ";"), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while true {
            if position < bytes.count, bytes[position] == quote {
                let quoteLine = line
                position += 1
                let start = position
                var escaped = false
                while true {
                    guard position < bytes.count else { throw UnterminatedQuote(line: quoteLine) }
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < bytes.count, bytes[position + 1] == quote {
                            escaped = true
                            position += 2
                            continue
                        }
                        break
                    }
                    if byte == newline { line += 1 }
                    position += 1
                }
                fields.append(Field(range: start..<position, hasEscapedQuotes: escaped))
                position += 1
                // Anything between the closing quote and the delimiter is ignored, as Python's csv does not allow it either.
                while position < bytes.count, bytes[position] != semicolon, bytes[position] != newline { position += 1 }
            } else {
                let start = position
                while position < bytes.count, bytes[position] != semicolon, bytes[position] != newline { position += 1 }
                var end = position
                if end > start, bytes[end - 1] == cr { end -= 1 }
                fields.append(Field(range: start..<end, hasEscapedQuotes: false))
            }
            if position >= bytes.count { return }
            if bytes[position] == semicolon {
                position += 1
                continue
            }
            // A newline ends the record.
            position += 1
            line += 1
            return
        }
    }
}
