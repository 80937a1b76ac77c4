/// Writes one JSON object field by field, for the few objects made on every request (a
/// remembered receipt, a ballot's reply) without a generic encoder. Fields come out in the
/// order they are given, so the caller gives them sorted (RFC 8785; the API's sorted keys);
/// strings get RFC 8785's escapes (as `JSONValue` writes them).
public struct JSONObjectWriter {
    private var out: [UInt8]
    private var empty = true

    /// An object with no field yet, room reserved for `capacity` bytes.
    public init(capacity: Int = 256) {
        out = []
        out.reserveCapacity(capacity)
        out.append(UInt8(ascii: "{"))
    }

    /// Adds a text field.
    public mutating func string(_ key: StaticString, _ value: String) {
        self.key(key)
        JSONValue.writeString(value, to: &out)
    }

    /// Adds an integer field.
    public mutating func integer(_ key: StaticString, _ value: Int64) {
        self.key(key)
        out.append(contentsOf: String(value).utf8)
    }

    /// Adds a field whose value is JSON already written (an object of its own).
    public mutating func json(_ key: StaticString, _ value: [UInt8]) {
        self.key(key)
        out.append(contentsOf: value)
    }

    /// The object's bytes, closed.
    public consuming func finish() -> [UInt8] {
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Writes `"key":` (a literal of the source, needing no escapes) after a comma when due.
    private mutating func key(_ key: StaticString) {
        if !empty { out.append(UInt8(ascii: ",")) }
        empty = false
        out.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }
}
