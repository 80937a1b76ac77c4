/// An array kept in chunks of ``chunkSize`` elements. Readers hold the edition's state the
/// writer goes on evolving, so the writer's next change finds its arrays shared: a plain array
/// would then be copied whole (a pool's ballots grow to hundreds of thousands), this one copies
/// the list of chunks and the one chunk it changes.
public struct ChunkedArray<Element> {
    /// The most elements one chunk holds; a power of two.
    public static var chunkSize: Int { 1 << chunkShift }
    private static var chunkShift: Int { 9 }

    private var chunks: [[Element]] = []
    /// The number of elements.
    public private(set) var count = 0

    /// An empty array.
    public init() {}

    /// Appends an element at the end.
    public mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Appends the elements of a sequence at the end.
    public mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            return chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
        }
        _modify {
            precondition(position >= 0 && position < count, "index out of range")
            yield &chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
        }
    }
}

extension ChunkedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        append(contentsOf: elements)
    }
}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (left: Self, right: Self) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }
}

extension ChunkedArray: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
