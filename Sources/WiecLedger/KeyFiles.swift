import Foundation

/// The signing key kept beside a ledger file: `FILE.key` (private, mode 0600) and `FILE.vkey`
/// (the verifier key to publish).
public enum KeyFiles {
    /// The private-key file of a ledger.
    public static func privateKeyPath(forLedger path: String) -> String { path + ".key" }
    /// The verifier-key file of a ledger.
    public static func verifierKeyPath(forLedger path: String) -> String { path + ".vkey" }

    /// Creates a new key beside a ledger; refuses to overwrite an existing one.
    ///
    /// - Throws: ``LedgerError`` when a key exists already or cannot be written.
    public static func create(forLedger path: String, name: String) throws -> CheckpointSigner {
        let keyPath = privateKeyPath(forLedger: path)
        guard !FileManager.default.fileExists(atPath: keyPath) else {
            throw LedgerError.key("\(keyPath) exists already; a ledger's key is never replaced")
        }
        let signer = try CheckpointSigner(name: name)
        guard FileManager.default.createFile(
            atPath: keyPath, contents: Data((signer.privateKeyText + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw LedgerError.key("cannot write \(keyPath)") }
        try Data((signer.verifier.verifierKeyText + "\n").utf8).write(to: URL(fileURLWithPath: verifierKeyPath(forLedger: path)))
        return signer
    }

    /// Reads the signing key of a ledger.
    ///
    /// - Throws: ``LedgerError`` naming the missing or malformed file.
    public static func signer(forLedger path: String) throws -> CheckpointSigner {
        try CheckpointSigner(privateKey: try read(privateKeyPath(forLedger: path)))
    }

    /// Reads a verifier key from a file.
    public static func verifier(at path: String) throws -> CheckpointVerifier {
        try CheckpointVerifier(verifierKey: try read(path))
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw LedgerError.notFound("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self)
    }
}
