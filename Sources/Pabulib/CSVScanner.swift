/// Splits a pabulib file into records of `;`-separated fields in one pass over its bytes.
///
/// Quoting follows CSV: a field that starts with `"` runs to the matching `"`, a doubled `""`
/// stands for one quote, and a quoted field may hold `;` and line breaks. Lines end in LF or CRLF.
///
/// The scanner reads the bytes in place: it lives inside the caller's
/// `withUnsafeBufferPointer`, and the fields it hands out are views of those bytes, valid for
/// as long as the buffer is. A field with doubled quotes is handed out unquoted, as a view of
/// ``Unescaped`` storage that the scanner owns.
struct CSVScanner {
    /// A field's text: a view of the input, or of the unquoted copy of a field with doubled quotes.
    typealias Field = UnsafeBufferPointer<UInt8>

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// The 1-based line number where the next record starts.
    private(set) var line = 1
    /// Where fields with doubled quotes are unquoted; made on the first such field.
    private var unescaped: Unescaped?

    /// - Parameter bytes: the file's bytes; they must outlive the scanner and every field it hands out.
    init(bytes: UnsafeBufferPointer<UInt8>) {
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
            if fields.count == 1, fields[0].isEmpty { continue }
            return start
        }
        return nil
    }

    /// The text of a field.
    static func text(_ field: Field) -> String {
        String(decoding: field, as: UTF8.self)
    }

    struct UnterminatedQuote: Error {
        var line: Int
    }

    private mutating func scanRecord(into fields: inout [Field]) throws(UnterminatedQuote) {
        let semicolon = UInt8(ascii: ";"), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let count = bytes.count
        while true {
            if position < count, bytes[position] == quote {
                let quoteLine = line
                position += 1
                let start = position
                var escaped = false
                while true {
                    guard position < count else { throw UnterminatedQuote(line: quoteLine) }
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < count, bytes[position + 1] == quote {
                            escaped = true
                            position += 2
                            continue
                        }
                        break
                    }
                    if byte == newline { line += 1 }
                    position += 1
                }
                let raw = Field(rebasing: bytes[start..<position])
                fields.append(escaped ? unquoted(raw) : raw)
                position += 1
                // Anything between the closing quote and the delimiter is ignored, as Python's csv does not allow it either.
                while position < count, bytes[position] != semicolon, bytes[position] != newline { position += 1 }
            } else {
                let start = position
                position = Self.delimiter(in: bytes, from: position)
                var end = position
                if end > start, bytes[end - 1] == cr { end -= 1 }
                fields.append(Field(rebasing: bytes[start..<end]))
            }
            if position >= count { return }
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

    /// The position of the first `;` or line feed at or after `start`, or the end of `bytes`.
    ///
    /// Fields are looked through eight bytes at a time: a byte of a word equals `;` exactly when
    /// the same byte of the word xor `;;;;;;;;` is zero, and the lowest zero byte of a word is
    /// found exactly by the usual borrow trick (a false flag can only sit above a true one).
    @inline(__always)
    private static func delimiter(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let semicolons = ones &* UInt64(UInt8(ascii: ";")), newlines = ones &* UInt64(UInt8(ascii: "\n"))
        var position = start
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let a = word ^ semicolons, b = word ^ newlines
            let found = ((a &- ones) & ~a | (b &- ones) & ~b) & highs
            if found != 0 { return position + found.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < bytes.count, bytes[position] != UInt8(ascii: ";"), bytes[position] != UInt8(ascii: "\n") {
            position += 1
        }
        return position
    }

    /// A quoted field's text with each doubled quote made single.
    private mutating func unquoted(_ raw: Field) -> Field {
        if unescaped == nil { unescaped = Unescaped(capacity: bytes.count) }
        return unescaped!.append(raw)
    }

    /// The unquoted text of fields with doubled quotes, side by side in one allocation as large
    /// as the input (a field never grows when unquoted), so that views of it stay valid.
    final class Unescaped {
        private let storage: UnsafeMutableBufferPointer<UInt8>
        private var used = 0

        init(capacity: Int) {
            storage = .allocate(capacity: capacity)
        }

        deinit {
            storage.deallocate()
        }

        /// Copies `raw` with each `""` made `"`, and returns the copy.
        func append(_ raw: Field) -> Field {
            let start = used
            var index = raw.startIndex
            while index < raw.endIndex {
                storage[used] = raw[index]
                used += 1
                // The scanner only hands over doubled quotes inside a quoted field.
                index += raw[index] == UInt8(ascii: "\"") ? 2 : 1
            }
            return Field(rebasing: storage[start..<used])
        }
    }
}
