/// Decodes `Decodable` values from a ``JSONValue`` directly, the reverse of ``JSONValueEncoder``.
struct JSONValueDecoder {
    /// Decodes a value.
    ///
    /// - Throws: `DecodingError` naming the coding path of the first mismatch.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, asked: AskedFields? = nil) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: [], asked: asked))
    }

    /// The fields a decoding asked for, as dotted paths of keys (positions in arrays left out:
    /// every element of an array is decoded as one type).
    final class AskedFields {
        var paths: Set<String> = []

        func note(_ key: some CodingKey, under codingPath: [any CodingKey]) {
            paths.insert((codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))
        }
    }

    static func mismatch(_ expected: String, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: path, debugDescription: "expected \(expected), found \(value.canonicalString)"))
    }

    static func integer<T: FixedWidthInteger>(_ value: JSONValue, _ path: [any CodingKey]) throws -> T {
        guard case .integer(let number) = value else { throw mismatch("an integer", value, path) }
        guard let exact = T(exactly: number) else { throw mismatch("an integer in range of \(T.self)", value, path) }
        return exact
    }

    static func bool(_ value: JSONValue, _ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("a boolean", value, path) }
        return flag
    }

    static func string(_ value: JSONValue, _ path: [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw mismatch("a string", value, path) }
        return text
    }

    static func floatingPoint(_ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(Double.self, .init(codingPath: path, debugDescription: "the log holds no floating-point numbers"))
    }

    struct ValueDecoder: Decoder {
        let value: JSONValue
        var codingPath: [any CodingKey]
        let asked: AskedFields?
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let members) = value else { throw mismatch("an object", value, codingPath) }
            return KeyedDecodingContainer(Keyed(members: members, codingPath: codingPath, asked: asked))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let values) = value else { throw mismatch("an array", value, codingPath) }
            return Unkeyed(values: values, codingPath: codingPath, asked: asked)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            Single(value: value, codingPath: codingPath, asked: asked)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: JSONValue]
        var codingPath: [any CodingKey]
        let asked: AskedFields?
        var allKeys: [Key] { members.keys.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool {
            asked?.note(key, under: codingPath)
            return members[key.stringValue] != nil
        }

        private func member(_ key: Key) throws -> JSONValue {
            asked?.note(key, under: codingPath)
            guard let value = members[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no key \(key.stringValue)"))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try bool(member(key), codingPath + [key]) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try string(member(key), codingPath + [key]) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw floatingPoint(codingPath + [key]) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw floatingPoint(codingPath + [key]) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(member(key), codingPath + [key]) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(member(key), codingPath + [key]) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(member(key), codingPath + [key]) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(member(key), codingPath + [key]) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(member(key), codingPath + [key]) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(member(key), codingPath + [key]) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(member(key), codingPath + [key]) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(member(key), codingPath + [key]) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(member(key), codingPath + [key]) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(member(key), codingPath + [key]) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: ValueDecoder(value: member(key), codingPath: codingPath + [key], asked: asked))
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try ValueDecoder(value: member(key), codingPath: codingPath + [key], asked: asked).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try ValueDecoder(value: member(key), codingPath: codingPath + [key], asked: asked).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            ValueDecoder(value: members["super"] ?? .null, codingPath: codingPath, asked: asked)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            asked?.note(key, under: codingPath)
            return ValueDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key], asked: asked)
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let values: [JSONValue]
        var codingPath: [any CodingKey]
        let asked: AskedFields?
        var currentIndex = 0
        var count: Int? { values.count }
        var isAtEnd: Bool { currentIndex >= values.count }

        init(values: [JSONValue], codingPath: [any CodingKey], asked: AskedFields?) {
            self.values = values
            self.codingPath = codingPath
            self.asked = asked
        }

        private mutating func next() throws -> JSONValue {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "array ended"))
            }
            currentIndex += 1
            return values[currentIndex - 1]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, values[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try bool(next(), codingPath) }
        mutating func decode(_ type: String.Type) throws -> String { try string(next(), codingPath) }
        mutating func decode(_ type: Double.Type) throws -> Double { throw floatingPoint(codingPath) }
        mutating func decode(_ type: Float.Type) throws -> Float { throw floatingPoint(codingPath) }
        mutating func decode(_ type: Int.Type) throws -> Int { try integer(next(), codingPath) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(next(), codingPath) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(next(), codingPath) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(next(), codingPath) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(next(), codingPath) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(next(), codingPath) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(next(), codingPath) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(next(), codingPath) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(next(), codingPath) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(next(), codingPath) }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try T(from: ValueDecoder(value: next(), codingPath: codingPath, asked: asked))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try ValueDecoder(value: next(), codingPath: codingPath, asked: asked).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try ValueDecoder(value: next(), codingPath: codingPath, asked: asked).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            ValueDecoder(value: try next(), codingPath: codingPath, asked: asked)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        var codingPath: [any CodingKey]
        let asked: AskedFields?

        func decodeNil() -> Bool { value == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try bool(value, codingPath) }
        func decode(_ type: String.Type) throws -> String { try string(value, codingPath) }
        func decode(_ type: Double.Type) throws -> Double { throw floatingPoint(codingPath) }
        func decode(_ type: Float.Type) throws -> Float { throw floatingPoint(codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try integer(value, codingPath) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(value, codingPath) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(value, codingPath) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(value, codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(value, codingPath) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(value, codingPath) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(value, codingPath) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(value, codingPath) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(value, codingPath) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(value, codingPath) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try T(from: ValueDecoder(value: value, codingPath: codingPath, asked: asked))
        }
    }
}
