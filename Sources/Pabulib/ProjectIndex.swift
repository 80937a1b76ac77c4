/// Finds a project's index from its id as a vote writes it.
///
/// Many files number their projects (`305`, `1555`): when every project id is a plain decimal
/// number (digits only, no leading zero) below ``numberLimit(projectCount:)``, an item is looked
/// up by its number in a direct table, without hashing. Any other item, and every item of a
/// file with other ids, is looked up by its bytes. Both give the same answer: an item that is not
/// a plain number cannot be the id of a project whose ids are all plain numbers.
struct ProjectIndex {
    /// Project id → index, for any id.
    private let byID: ByteKeyTable
    /// Project number → index (-1 where no project has that number); empty unless every id is a
    /// plain number below the limit.
    private let byNumber: [Int32]

    /// - Parameters:
    ///   - ids: the project ids in file order.
    ///   - byID: the same ids → their index, as the reader built it.
    init(ids: [String], byID: ByteKeyTable) {
        self.byID = byID
        let limit = Self.numberLimit(projectCount: ids.count)
        var numbers: [Int] = []
        numbers.reserveCapacity(ids.count)
        for id in ids {
            var id = id
            guard let number = id.withUTF8({ Self.plainNumber($0, below: limit) }) else {
                byNumber = []
                return
            }
            numbers.append(number)
        }
        var byNumber = [Int32](repeating: -1, count: (numbers.max() ?? -1) + 1)
        for (index, number) in numbers.enumerated() { byNumber[number] = Int32(index) }
        self.byNumber = byNumber
    }

    /// The largest table of numbers worth making for this many projects (ids may skip numbers).
    static func numberLimit(projectCount: Int) -> Int {
        max(1024, 64 * projectCount)
    }

    /// The index of the project whose id is `item`, if any.
    @inline(__always)
    func index(of item: UnsafeBufferPointer<UInt8>) -> Int? {
        if !byNumber.isEmpty, let number = Self.plainNumber(item, below: byNumber.count) {
            let index = byNumber[number]
            return index < 0 ? nil : Int(index)
        }
        return byID.value(for: item)
    }

    /// The number `bytes` write when they are a plain decimal number below `limit`.
    @inline(__always)
    private static func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>, below limit: Int) -> Int? {
        guard let first = bytes.first, first != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
        var number = 0
        for byte in bytes {
            let digit = Int(byte) &- Int(UInt8(ascii: "0"))
            guard digit >= 0, digit <= 9 else { return nil }
            number = number * 10 + digit
            guard number < limit else { return nil }
        }
        return number
    }
}
