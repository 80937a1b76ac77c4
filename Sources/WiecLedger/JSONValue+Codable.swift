extension JSONValue {
    /// Parses JSON text strictly: integers only, no key given twice, nothing after the value.
    ///
    /// - Throws: ``LedgerError`` naming the byte offset of the first problem.
    public init(parsing bytes: [UInt8]) throws(LedgerError) {
        self = try JSONParser.parse(bytes)
    }

    /// The value of an `Encodable`, as the ledger encodes it (floating point refused).
    ///
    /// - Throws: `EncodingError` for a floating-point number or an integer beyond 64 bits.
    public init(encoding value: some Encodable) throws {
        self = try JSONValueEncoder.encode(value)
    }

    /// Decodes a `Decodable` from this value.
    ///
    /// - Throws: `DecodingError` naming the coding path of the first mismatch.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.decode(type, from: self)
    }
}
