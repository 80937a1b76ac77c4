import Foundation

/// The signing key kept beside a ledger file: `FILE.key` (private, mode 0600) and `FILE.vkey`
/// (the verifier key to publish).
public enum KeyFiles {
    /// The private-key file of a ledger.
    public static func privateKeyPath(forLedger path: String) -> String { path + ".key" }
    /// The verifier-key file of a ledger.
    public static func verifierKeyPath(forLedger path: String) -> String { path + ".vkey" }

    /// Creates a new key beside a ledger; refuses to overwrite an existing one. The key is
    /// written whole to a file of its own first and then linked into place, which fails when
    /// the key exists: of processes that create it at once, exactly one succeeds, and no one ever
    /// reads a half-written key.
    ///
    /// - Throws: ``LedgerError`` when a key exists already or cannot be written.
    public static func create(forLedger path: String, name: String) throws -> CheckpointSigner {
        let keyPath = privateKeyPath(forLedger: path)
        guard !FileManager.default.fileExists(atPath: keyPath) else { throw exists(keyPath) }
        let signer = try CheckpointSigner(name: name)
        try write(signer, forLedger: path)
        return signer
    }

    /// Writes a key beside a ledger (a copy's, `wiec migrate`); refuses to overwrite an existing
    /// one, as ``create(forLedger:name:)`` does.
    ///
    /// - Throws: ``LedgerError`` when a key exists already or cannot be written.
    public static func write(_ signer: CheckpointSigner, forLedger path: String) throws {
        let keyPath = privateKeyPath(forLedger: path)
        let written = keyPath + ".new-" + UUID().uuidString
        guard FileManager.default.createFile(
            atPath: written, contents: Data((signer.privateKeyText + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw LedgerError.key("cannot write \(written)") }
        defer { unlink(written) }
        guard link(written, keyPath) == 0 else {
            throw errno == EEXIST ? exists(keyPath) : LedgerError.key("cannot write \(keyPath) (errno \(errno))")
        }
        try Data((signer.verifier.verifierKeyText + "\n").utf8).write(to: URL(fileURLWithPath: verifierKeyPath(forLedger: path)), options: .atomic)
    }

    /// The signing key of a ledger, created under `name` when it has none yet (a server's first
    /// start); when several processes start at once, they all get the one key that was made.
    ///
    /// - Throws: ``LedgerError`` when the key can be neither read nor written.
    public static func signer(forLedger path: String, creatingAs name: String) throws -> CheckpointSigner {
        if FileManager.default.fileExists(atPath: privateKeyPath(forLedger: path)) { return try signer(forLedger: path) }
        do {
            return try create(forLedger: path, name: name)
        } catch where FileManager.default.fileExists(atPath: privateKeyPath(forLedger: path)) {
            return try signer(forLedger: path)
        }
    }

    private static func exists(_ keyPath: String) -> LedgerError {
        .key("\(keyPath) exists already; a ledger's key is never replaced")
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
