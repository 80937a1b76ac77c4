extension JSONValue {
    /// Parses JSON text strictly: integers only, no key given twice, nothing after the value.
    ///
    /// - Parameter integralForms: Whether a number with a fraction or an exponent is taken when
    ///   its value is an integer (`159.0`, `1e3`: integers to JSON Schema, as requests may write
    ///   them); the log's own text holds plain integers only.
    /// - Throws: ``LedgerError`` naming the byte offset of the first problem.
    public init(parsing bytes: [UInt8], integralForms: Bool = false) throws(LedgerError) {
        self = try JSONParser.parse(bytes, integralForms: integralForms)
    }

    /// Decodes a `Decodable` from this value, and finds the first field present here that the
    /// type never asked for, as a dotted path (`ballots[2].pool`): a field the type does not
    /// know, even one sent as `null`.
    ///
    /// - Throws: `DecodingError` naming the coding path of the first mismatch.
    public func decode<T: Decodable>(_ type: T.Type) throws -> (value: T, unknownField: String?) {
        let asked = JSONValueDecoder.AskedFields()
        let value = try JSONValueDecoder.decode(type, from: self, asked: asked)
        return (value, firstField(notIn: asked.paths, keys: "", shown: ""))
    }

    private func firstField(notIn asked: Set<String>, keys: String, shown: String) -> String? {
        switch self {
        case .object(let members):
            for key in members.keys.sorted() {
                let path = keys.isEmpty ? key : keys + "." + key
                let child = shown.isEmpty ? key : shown + "." + key
                guard asked.contains(path) else { return child }
                if let found = members[key]!.firstField(notIn: asked, keys: path, shown: child) { return found }
            }
            return nil
        case .array(let values):
            for (index, value) in values.enumerated() {
                if let found = value.firstField(notIn: asked, keys: keys, shown: "\(shown)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
