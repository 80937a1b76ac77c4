import Crypto
import Foundation

/// Checks signed checkpoints against one Ed25519 verifier key (C2SP signed note).
public struct CheckpointVerifier: Sendable, Hashable {
    /// The key name (the log's origin).
    public let name: String
    /// The raw 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
    }

    /// Reads a verifier key `<name>+<key id>+<base64(0x01 || key)>`.
    ///
    /// - Throws: ``LedgerError`` when the text is not such a key or its id does not match.
    public init(verifierKey text: String) throws(LedgerError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let raw = Data(base64Encoded: String(parts[2])), raw.count == 33, raw.first == 1 else {
            throw .key("not a name+id+key Ed25519 verifier key")
        }
        self.init(name: String(parts[0]), publicKey: Array(raw.dropFirst()))
        guard CheckpointSigner.keyID(name: name, publicKey: publicKey) == Hex.decode(String(parts[1])) else {
            throw .key("the key id of verifier key \(name) does not match the key")
        }
    }

    /// The verifier-key text to publish.
    public var verifierKeyText: String {
        "\(name)+\(Hex.encode(CheckpointSigner.keyID(name: name, publicKey: publicKey)))+\(Data([1] + publicKey).base64EncodedString())"
    }

    /// Checks a signed note and returns its checkpoint.
    ///
    /// - Throws: ``LedgerError`` when the note is malformed, has no signature by this key, or
    ///   the signature does not verify.
    public func verify(note: String) throws(LedgerError) -> Checkpoint {
        guard let split = note.range(of: "\n\n") else { throw .malformed("a signed note has a blank line before its signatures") }
        let body = String(note[..<split.lowerBound]) + "\n"
        let keyID = CheckpointSigner.keyID(name: name, publicKey: publicKey)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { throw .key("bad public key") }
        var found = false
        for line in note[split.upperBound...].split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "\u{2014}" else { throw .malformed("bad signature line '\(line)'") }
            guard parts[1] == name, let raw = Data(base64Encoded: String(parts[2])), raw.count == 68,
                Array(raw.prefix(4)) == keyID
            else { continue }
            found = true
            guard key.isValidSignature(raw.dropFirst(4), for: Array(body.utf8)) else {
                throw .key("the signature by \(name) does not verify")
            }
        }
        guard found else { throw .key("no signature by \(name)") }
        let checkpoint = try Checkpoint(body: body)
        guard checkpoint.origin == name else { throw .key("checkpoint origin \(checkpoint.origin) is not the key's name \(name)") }
        return checkpoint
    }
}
