/// Parses JSON text into a ``JSONValue``. Numbers must be integers (the log holds no others);
/// a fraction or exponent is an error, as is anything after the value. Requests may write an
/// integer in any form JSON Schema counts as one (`159.0`, `1e3`): ``parse(_:integralForms:)``.
struct JSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var integralForms = false

    /// Parses a whole document.
    ///
    /// - Parameter integralForms: Whether a number with a fraction or an exponent is taken when
    ///   its value is an integer (`2.50e2` is 250); otherwise only plain integers are.
    /// - Throws: ``LedgerError`` naming the byte offset of the first problem.
    static func parse(_ bytes: [UInt8], integralForms: Bool = false) throws(LedgerError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.integralForms = integralForms
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func failure(_ message: String) -> LedgerError {
        .malformed("JSON at byte \(position): \(message)")
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func value(depth: Int) throws(LedgerError) -> JSONValue {
        guard depth < 64 else { throw failure("nested too deep") }
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a key") }
                let key = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                guard members.updateValue(try value(depth: depth + 1), forKey: key) == nil else {
                    throw failure("duplicate key \(key)")
                }
                skipWhitespace()
                if try endOrComma(UInt8(ascii: "}")) { return .object(members) }
            }
        case UInt8(ascii: "["):
            position += 1
            var values: [JSONValue] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(values)
            }
            while true {
                values.append(try value(depth: depth + 1))
                skipWhitespace()
                if try endOrComma(UInt8(ascii: "]")) { return .array(values) }
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return .integer(try integer())
        }
    }

    private mutating func endOrComma(_ end: UInt8) throws(LedgerError) -> Bool {
        guard position < bytes.count else { throw failure("unexpected end") }
        if bytes[position] == end {
            position += 1
            return true
        }
        try expect(UInt8(ascii: ","))
        return false
    }

    private mutating func expect(_ byte: UInt8) throws(LedgerError) {
        guard position < bytes.count, bytes[position] == byte else {
            throw failure("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    private mutating func literal(_ word: String) throws(LedgerError) {
        for byte in word.utf8 { try expect(byte) }
    }

    private mutating func integer() throws(LedgerError) -> Int64 {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let digitsStart = position
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            position += 1
        }
        guard position > digitsStart else { throw failure("expected a value") }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            guard integralForms else { throw failure("only integers are allowed") }
            return try integralForm(negative: start < digitsStart, digits: Array(bytes[digitsStart..<position]))
        }
        guard let value = Int64(String(decoding: bytes[start..<position], as: UTF8.self)) else {
            throw failure("integer out of range")
        }
        return value
    }

    /// The rest of a number with a fraction or an exponent, whose integer digits are read: its
    /// value exactly, when that is an integer in 64 bits.
    private mutating func integralForm(negative: Bool, digits integerDigits: [UInt8]) throws(LedgerError) -> Int64 {
        var digits = integerDigits
        var exponent = 0
        if bytes[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
            guard position > fractionStart else { throw failure("expected a digit after '.'") }
            digits += bytes[fractionStart..<position]
            exponent -= position - fractionStart
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            var sign = 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
                position += 1
            }
            let exponentStart = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
            guard position > exponentStart else { throw failure("expected a digit in the exponent") }
            // Beyond four digits the value is 0, a fraction or out of range whatever the exponent.
            let written = bytes[exponentStart..<position].drop { $0 == UInt8(ascii: "0") }
            exponent += sign * (written.count > 4 ? 99_999 : Int(String(decoding: written, as: UTF8.self)) ?? 0)
        }
        digits = Array(digits.drop { $0 == UInt8(ascii: "0") })
        if digits.isEmpty { return 0 }
        while exponent < 0, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        guard exponent >= 0 else { throw failure("\(negative ? "-" : "")\(String(decoding: integerDigits, as: UTF8.self))… is not an integer") }
        guard digits.count + exponent <= 19,
            let value = Int64((negative ? "-" : "") + String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: exponent))
        else { throw failure("integer out of range") }
        return value
    }

    private mutating func string() throws(LedgerError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            guard bytes[position] >= 0x20 else { throw failure("control character in a string") }
            position += 1
        }
        guard position < bytes.count else { throw failure("unterminated string") }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
        }
        var out = Array(bytes[start..<position])
        while true {
            guard position < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { break }
            guard byte != UInt8(ascii: "\\") else {
                guard position < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        try literal("\\u")
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw failure("invalid escape")
                }
                continue
            }
            guard byte >= 0x20 else { throw failure("control character in a string") }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws(LedgerError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid hex digit")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
