import Foundation

/// A signed tree head in the C2SP checkpoint form: origin, tree size, base64 root hash, and a
/// `time` extension line, followed by a blank line and signature lines (C2SP signed note).
public struct Checkpoint: Sendable, Hashable {
    /// The log's origin line, which is also the signing key's name.
    public var origin: String
    /// The number of entries the tree covers.
    public var size: Int64
    /// The Merkle root of the first ``size`` entries.
    public var root: [UInt8]
    /// RFC 3339 time the checkpoint was made.
    public var time: String

    /// Creates a checkpoint body.
    public init(origin: String, size: Int64, root: [UInt8], time: String) {
        self.origin = origin
        self.size = size
        self.root = root
        self.time = time
    }

    /// The note text that is signed.
    public var body: String {
        "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\ntime \(time)\n"
    }

    /// Parses a note body.
    ///
    /// - Throws: ``LedgerError`` naming the line that is wrong.
    init(body: String) throws(LedgerError) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4, lines.last == "" else { throw .malformed("a checkpoint has origin, size and root lines") }
        guard let size = Int64(lines[1]), size >= 0 else { throw .malformed("checkpoint size '\(lines[1])' is not a number") }
        guard let root = Data(base64Encoded: lines[2]), root.count == 32 else {
            throw .malformed("checkpoint root '\(lines[2])' is not a base64 SHA-256 hash")
        }
        guard let timeLine = lines.first(where: { $0.hasPrefix("time ") }) else { throw .malformed("checkpoint has no time line") }
        self.init(origin: lines[0], size: size, root: Array(root), time: String(timeLine.dropFirst(5)))
    }
}
