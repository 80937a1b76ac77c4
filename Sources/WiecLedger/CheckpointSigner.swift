import Crypto
import Foundation

/// The Ed25519 key that signs checkpoints, in the C2SP signed-note key forms: the private key
/// `PRIVATE+KEY+<name>+<key id>+<base64(0x01 || seed)>` and the verifier key
/// `<name>+<key id>+<base64(0x01 || public key)>`, where the key id is the first four bytes of
/// SHA-256(name || "\n" || 0x01 || public key), in hex.
public struct CheckpointSigner: Sendable {
    /// The key name, which is the log's origin.
    public let name: String
    /// The 32-byte Ed25519 seed (kept as bytes so the signer is `Sendable`).
    private let seed: [UInt8]
    private var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: seed) }

    /// Creates a new random key.
    public init(name: String) throws(LedgerError) {
        try Self.checkName(name)
        self.name = name
        self.seed = Array(Curve25519.Signing.PrivateKey().rawRepresentation)
    }

    /// Reads a key from its private-key text.
    ///
    /// - Throws: ``LedgerError`` when the text is not a C2SP Ed25519 private key.
    public init(privateKey text: String) throws(LedgerError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY",
            let raw = Data(base64Encoded: String(parts[4])), raw.count == 33, raw.first == 1,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw.dropFirst())
        else { throw .key("not a PRIVATE+KEY+name+id+key Ed25519 signing key") }
        self.name = String(parts[2])
        self.seed = Array(key.rawRepresentation)
        guard Self.keyID(name: name, publicKey: Array(key.publicKey.rawRepresentation)) == Hex.decode(String(parts[3])) else {
            throw .key("the key id of signing key \(name) does not match the key")
        }
    }

    /// The private-key text to store (mode 0600).
    public var privateKeyText: String {
        "PRIVATE+KEY+\(name)+\(Hex.encode(keyID))+\(Data([1] + Array(key.rawRepresentation)).base64EncodedString())"
    }

    /// The verifier that checks this key's signatures.
    public var verifier: CheckpointVerifier {
        CheckpointVerifier(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    private var keyID: [UInt8] { Self.keyID(name: name, publicKey: Array(key.publicKey.rawRepresentation)) }

    /// Signs a checkpoint.
    ///
    /// - Returns: The signed note text.
    public func sign(_ checkpoint: Checkpoint) throws(LedgerError) -> String {
        let body = checkpoint.body
        guard let signature = try? key.signature(for: Array(body.utf8)) else { throw .key("signing failed") }
        return body + "\n\u{2014} \(name) \(Data(keyID + Array(signature)).base64EncodedString())\n"
    }

    static func keyID(name: String, publicKey: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x01] + publicKey).prefix(4))
    }

    static func checkName(_ name: String) throws(LedgerError) {
        guard !name.isEmpty, !name.contains("+"), !name.contains(where: \.isWhitespace) else {
            throw .key("a key name cannot be empty or hold '+' or spaces: '\(name)'")
        }
    }
}
