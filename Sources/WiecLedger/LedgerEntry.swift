import Crypto

/// One entry of the log. Its canonical bytes are the RFC 8785 form of
/// `{"actor":{"id","role"},"body","edition","id","prev","seq","time","type"}`, where `prev` is the
/// previous entry's hash in hex (64 zeros for the first), and its hash is SHA-256 of those bytes.
/// The same bytes are the entry's leaf in the Merkle tree.
public struct LedgerEntry: Sendable, Hashable {
    /// The gapless global sequence number, from 1.
    public var sequence: Int64
    /// A unique id (UUID).
    public var id: String
    /// RFC 3339 UTC time of the append.
    public var time: String
    /// The event type, e.g. `ballot_cast`.
    public var type: String
    /// The actor's role.
    public var actorRole: String
    /// The actor's opaque id.
    public var actorID: String
    /// The edition the event belongs to.
    public var edition: String
    /// The event's fields as canonical JSON text.
    public var body: String

    /// The hash that precedes the first entry: 32 zero bytes.
    public static let genesisHash = [UInt8](repeating: 0, count: 32)

    /// Creates an entry.
    public init(
        sequence: Int64, id: String, time: String, type: String, actorRole: String, actorID: String,
        edition: String, body: String
    ) {
        self.sequence = sequence
        self.id = id
        self.time = time
        self.type = type
        self.actorRole = actorRole
        self.actorID = actorID
        self.edition = edition
        self.body = body
    }

    /// The canonical (RFC 8785) bytes of the entry chained to a previous hash.
    public func canonicalBytes(previousHash: [UInt8]) -> [UInt8] {
        canonicalBytes(sequence: sequence, previousHash: previousHash)
    }

    /// The canonical bytes as they would be were the entry at another sequence number; the
    /// verifier uses it to tell a moved entry from a changed one.
    func canonicalBytes(sequence: Int64, previousHash: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.utf8.count + 256)
        out.append(contentsOf: #"{"actor":{"id":"#.utf8)
        JSONValue.writeString(actorID, to: &out)
        out.append(contentsOf: #","role":"#.utf8)
        JSONValue.writeString(actorRole, to: &out)
        out.append(contentsOf: #"},"body":"#.utf8)
        out.append(contentsOf: body.utf8)
        out.append(contentsOf: #","edition":"#.utf8)
        JSONValue.writeString(edition, to: &out)
        out.append(contentsOf: #","id":"#.utf8)
        JSONValue.writeString(id, to: &out)
        out.append(contentsOf: #","prev":""#.utf8)
        out.append(contentsOf: Hex.encode(previousHash).utf8)
        out.append(contentsOf: #"","seq":"#.utf8)
        out.append(contentsOf: String(sequence).utf8)
        out.append(contentsOf: #","time":"#.utf8)
        JSONValue.writeString(time, to: &out)
        out.append(contentsOf: #","type":"#.utf8)
        JSONValue.writeString(type, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// SHA-256 of the canonical bytes.
    public func hash(previousHash: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: canonicalBytes(previousHash: previousHash)))
    }

    /// The entry's fields as a JSON object, `prev` included (the form of the audit bundle).
    func json(previousHash: [UInt8]) throws(LedgerError) -> JSONValue {
        .object([
            "actor": .object(["id": .string(actorID), "role": .string(actorRole)]),
            "body": try JSONParser.parse(Array(body.utf8)),
            "edition": .string(edition), "id": .string(id), "prev": .string(Hex.encode(previousHash)),
            "seq": .integer(sequence), "time": .string(time), "type": .string(type),
        ])
    }

    /// Reads an entry from its JSON object form, with the `prev` hash it states.
    ///
    /// - Throws: ``LedgerError`` naming the missing or mistyped field.
    init(json: JSONValue) throws(LedgerError) {
        guard case .object(let fields) = json else { throw .malformed("an entry must be a JSON object") }
        func text(_ value: JSONValue?, _ name: String) throws(LedgerError) -> String {
            guard case .string(let text)? = value else { throw .malformed("entry field \(name) must be a string") }
            return text
        }
        guard case .integer(let sequence)? = fields["seq"] else { throw .malformed("entry field seq must be an integer") }
        guard case .object(let actor)? = fields["actor"] else { throw .malformed("entry field actor must be an object") }
        guard let body = fields["body"] else { throw .malformed("entry \(sequence) has no body") }
        self.init(
            sequence: sequence, id: try text(fields["id"], "id"), time: try text(fields["time"], "time"),
            type: try text(fields["type"], "type"), actorRole: try text(actor["role"], "actor.role"),
            actorID: try text(actor["id"], "actor.id"), edition: try text(fields["edition"], "edition"),
            body: body.canonicalString)
    }
}
