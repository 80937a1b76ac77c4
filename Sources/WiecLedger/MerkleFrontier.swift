/// The right edge of an RFC 6962 tree: the roots of its perfect subtrees, enough to append a
/// leaf and compute the root in O(log n) without keeping the leaves.
public struct MerkleFrontier: Sendable {
    private var subtrees: [(hash: [UInt8], height: Int)] = []
    /// The number of leaves.
    public private(set) var size: Int64 = 0

    /// An empty tree.
    public init() {}

    /// Appends a leaf hash.
    public mutating func append(leafHash: [UInt8]) {
        var node = (hash: leafHash, height: 0)
        while let last = subtrees.last, last.height == node.height {
            subtrees.removeLast()
            node = (Merkle.nodeHash(last.hash, node.hash), node.height + 1)
        }
        subtrees.append(node)
        size += 1
    }

    /// The tree's root (MTH).
    public var root: [UInt8] {
        guard var hash = subtrees.last?.hash else { return Merkle.emptyRoot }
        for subtree in subtrees.dropLast().reversed() { hash = Merkle.nodeHash(subtree.hash, hash) }
        return hash
    }

}
