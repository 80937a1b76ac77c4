import Testing
import WiecCore

/// The chunked array behaves as an array, and a copy taken before a change (the readers' fold)
/// keeps what it held, across chunk boundaries.
@Suite struct ChunkedArrayTests {
    static let size = ChunkedArray<Int>.chunkSize * 3 + 7

    @Test func itHoldsWhatAnArrayHoldsInOrder() {
        var chunked = ChunkedArray<Int>()
        var array: [Int] = []
        for value in 0..<Self.size {
            chunked.append(value * 7)
            array.append(value * 7)
        }
        #expect(chunked.count == array.count)
        #expect(Array(chunked) == array)
        #expect(chunked[ChunkedArray<Int>.chunkSize] == array[ChunkedArray<Int>.chunkSize])
        #expect(chunked.filter { $0 % 2 == 0 } == array.filter { $0 % 2 == 0 })
    }

    @Test func aCopyKeepsItsElementsWhenTheOriginalGrowsAndChanges() {
        var original = ChunkedArray<[String]>()
        for value in 0..<Self.size { original.append(["v\(value)"]) }
        let copy = original
        original[0].append("changed")
        original[Self.size - 1] = ["last"]
        original.append(["new"])
        #expect(copy.count == Self.size)
        #expect(copy[0] == ["v0"])
        #expect(copy[Self.size - 1] == ["v\(Self.size - 1)"])
        #expect(original[0] == ["v0", "changed"])
        #expect(original.count == Self.size + 1)
        #expect(original != copy)
    }

    @Test func equalContentsAreEqualAndHashAlike() {
        let left: ChunkedArray = [1, 2, 3]
        var right = ChunkedArray<Int>()
        right.append(contentsOf: [1, 2, 3])
        #expect(left == right)
        #expect(left.hashValue == right.hashValue)
        right[2] = 4
        #expect(left != right)
    }
}
