import Foundation
import Testing
@testable import WiecLedger

@Suite("RFC 6962 Merkle tree: reference vectors, proofs, frontier")
struct MerkleTests {
    /// transparency-dev/merkle's test data.
    static let leaves: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map { Merkle.leafHash(Hex.decode($0)!) }

    static let roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    @Test("roots of sizes 0 to 8, recursively and by the frontier")
    func roots() {
        var frontier = MerkleFrontier()
        #expect(Hex.encode(frontier.root) == Self.roots[0])
        for size in 1...8 {
            #expect(Hex.encode(Merkle.root(Self.leaves[..<size])) == Self.roots[size])
            frontier.append(leafHash: Self.leaves[size - 1])
            #expect(Hex.encode(frontier.root) == Self.roots[size])
        }
    }

    @Test("reference inclusion proofs", arguments: [
        (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    ])
    func inclusion(_ index: Int, _ size: Int, _ path: [String]) throws {
        let proof = Merkle.inclusionProof(index: index, leaves: Self.leaves[..<size])
        #expect(proof.map(Hex.encode) == path)
        let root = try #require(Hex.decode(Self.roots[size]))
        #expect(Merkle.verifyInclusion(leafHash: Self.leaves[index], index: Int64(index), treeSize: Int64(size), proof: proof, root: root))
    }

    @Test("reference consistency proofs", arguments: [
        (1, 1, [String]()),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    ])
    func consistency(_ first: Int, _ second: Int, _ path: [String]) throws {
        let proof = Merkle.consistencyProof(from: first, leaves: Self.leaves[..<second])
        #expect(proof.map(Hex.encode) == path)
        #expect(Merkle.verifyConsistency(
            firstSize: Int64(first), firstRoot: Hex.decode(Self.roots[first])!,
            secondSize: Int64(second), secondRoot: Hex.decode(Self.roots[second])!, proof: proof))
    }

    @Test("every proof of trees up to 33 leaves verifies, and fails for another leaf or root")
    func everyProof() {
        let leaves = (0..<33).map { Merkle.leafHash(Array("leaf-\($0)".utf8)) }
        for size in 1...33 {
            let root = Merkle.root(leaves[..<size])
            for index in 0..<size {
                let proof = Merkle.inclusionProof(index: index, leaves: leaves[..<size])
                #expect(Merkle.verifyInclusion(leafHash: leaves[index], index: Int64(index), treeSize: Int64(size), proof: proof, root: root))
                #expect(!Merkle.verifyInclusion(leafHash: leaves[(index + 1) % 33], index: Int64(index), treeSize: Int64(size), proof: proof, root: root))
            }
            for first in 1...size {
                let proof = Merkle.consistencyProof(from: first, leaves: leaves[..<size])
                let firstRoot = Merkle.root(leaves[..<first])
                #expect(Merkle.verifyConsistency(firstSize: Int64(first), firstRoot: firstRoot, secondSize: Int64(size), secondRoot: root, proof: proof))
                if first < size {
                    #expect(!Merkle.verifyConsistency(firstSize: Int64(first), firstRoot: leaves[32], secondSize: Int64(size), secondRoot: root, proof: proof))
                }
            }
        }
    }
}
