import Foundation
import WiecCore

/// The ballot order a pool is created with, from what a form or a request asked for: `list`
/// (the default) or `random`, with the seed given (for example one drawn in public at a council
/// session) or, when none is, 128 bits drawn here and recorded with the pool.
public enum BallotOrderChoice {
    /// The order named `name` (`list`, `random` or `nil`) with the seed `seed`, if any.
    public static func order(named name: String?, seed: String?) throws -> BallotOrder {
        switch name ?? "list" {
        case "list":
            guard seed == nil else { throw Refusal(.invalidValue, "ballot_order_seed is for ballot_order random only") }
            return .listOrder
        case "random":
            guard let seed else { return .randomPerVoter(seed: drawnSeed()) }
            let bytes = Array(seed.utf8)
            guard (1...64).contains(bytes.count), bytes.allSatisfy({ $0 < 0x80 && (isalnum(Int32($0)) != 0 || $0 == 0x2D) }) else {
                throw Problem.invalidText("ballot_order_seed must be 1 to 64 letters, digits or '-'")
            }
            return .randomPerVoter(seed: seed)
        default:
            throw Refusal(.invalidValue, "ballot_order must be list or random, not \(name ?? "")")
        }
    }

    /// 32 hexadecimal digits from the system's random source.
    static func drawnSeed() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
