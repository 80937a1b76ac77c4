import Dispatch
import Synchronization

extension EqualShares {
    /// The `add1` completion: raise the per-voter budget one currency unit at a time and keep the
    /// last outcome that still fits.
    ///
    /// Rather than count once for every unit, the search leaps: having counted at `t`, it
    /// counts at `t + stride` and asks that count whether it is *certified* against the one at
    /// `t` (``EqualSharesEngine/certified``): then every unit in between gives the same outcome,
    /// which fits and is not final, so the search moves to `t + stride` and doubles the stride.
    /// Otherwise it steps back to a stride of one unit, which needs no certificate. The result
    /// is exactly that of counting every unit; long runs of unchanged outcomes cost a few counts.
    ///
    /// Unit by unit, a large election counts the next two units at once, on two threads, and
    /// takes them in order as if counted one after the other.
    enum Add1 {
        /// A count's outcome: what the search keeps of it.
        struct Counted: Sendable {
            var selected: [Int]
            var prices: [EqualSharesEngine.Price]
            var certified: Bool

            var reference: EqualSharesEngine.Reference { EqualSharesEngine.Reference(winners: selected, prices: prices) }
        }

        /// Supporter entries from which two counts at once repay the second thread.
        static let parallelFrom = 2_000

        /// The parameters of the kept outcome (``Parameters/empty`` when no count fits) and
        /// how many currency units per voter were added to reach them.
        static func search(_ instance: EqualSharesInstance, budget: Int64, increment: EqualSharesIncrement) -> (Parameters, Int64) {
            let voters = Int64(instance.voterCount)
            let unit = Money.minorUnitsPerUnit
            let base: Parameters
            let first: Int64
            // What stands when not even the first count fits.
            let fallback: (Parameters, Int64)
            switch increment {
            case .pabutools:
                base = Parameters(start: BigInt(budget), slope: BigInt(unit) * voters, scale: BigInt(voters))
                first = 0
                fallback = (.empty, 0)
            case .official:
                base = Parameters(start: BigInt(budget / unit / voters * unit), slope: BigInt(unit), scale: .one)
                first = 1
                fallback = (Parameters(start: BigInt(budget), slope: .zero, scale: BigInt(voters)), 0)
            }
            var step = first
            var current = count(instance, base.advanced(by: step))
            guard fits(instance, current.selected, budget) else { return fallback }
            var stride: Int64 = 1
            let inPairs = instance.supporterGroups.count >= parallelFrom
            while true {
                if isFinal(instance, current.selected, budget, increment: increment) { return (base.advanced(by: step), step) }
                if stride == 1 && inPairs {
                    // Units step + 1 and step + 2 at once, both certified against the count at step.
                    let (next, after) = countPair(instance, base.advanced(by: step + 1), base.advanced(by: step + 2), against: current)
                    if next.certified {
                        (step, current, stride) = (step + 1, next, 2)
                        continue
                    }
                    guard fits(instance, next.selected, budget) else { return (base.advanced(by: step), step) }
                    (step, current) = (step + 1, next)
                    if isFinal(instance, current.selected, budget, increment: increment) { return (base.advanced(by: step), step) }
                    // Certified against step, `after` is certified against step + 1 as well.
                    if after.certified {
                        (step, current, stride) = (step + 1, after, 2)
                        continue
                    }
                    guard fits(instance, after.selected, budget) else { return (base.advanced(by: step), step) }
                    (step, current) = (step + 1, after)
                    continue
                }
                let next = count(instance, base.advanced(by: step + stride), against: current, leaping: stride > 1)
                if next.certified {
                    step += stride
                    current = next
                    stride = min(stride * 2, 1 << 32)
                } else if stride > 1 {
                    stride = 1
                } else if fits(instance, next.selected, budget) {
                    step += 1
                    current = next
                } else {
                    return (base.advanced(by: step), step)
                }
            }
        }

        /// A count at the given per-voter budget, certified against `reference` when given;
        /// when `leaping`, it stops as soon as it cannot be certified.
        private static func count(_ instance: EqualSharesInstance, _ parameters: Parameters,
                                  against reference: Counted? = nil, leaping: Bool = false) -> Counted {
            let engine = EqualSharesEngine(
                instance, start: parameters.start, scale: parameters.scale, explain: false, recordingPrices: true,
                reference: reference?.reference, stopWhenUncertified: leaping
            )
            engine.run()
            return Counted(selected: engine.selected, prices: engine.prices, certified: engine.certified)
        }

        /// Two whole counts on two threads (one after the other where there is one core).
        private static func countPair(_ instance: EqualSharesInstance, _ first: Parameters, _ second: Parameters,
                                      against reference: Counted) -> (Counted, Counted) {
            let results = Mutex<[Int: Counted]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let counted = count(instance, index == 0 ? first : second, against: reference)
                results.withLock { $0[index] = counted }
            }
            return results.withLock { ($0[0]!, $0[1]!) }
        }

        private static func fits(_ instance: EqualSharesInstance, _ selected: [Int], _ budget: Int64) -> Bool {
            selected.reduce(0) { $0 + instance.costs[$1] } <= budget
        }

        /// Whether raising the budget further cannot give a better outcome: every candidate is
        /// bought, or (pabutools' stop) no candidate left out would still fit.
        private static func isFinal(_ instance: EqualSharesInstance, _ selected: [Int], _ budget: Int64,
                                    increment: EqualSharesIncrement) -> Bool {
            if selected.count == instance.candidates.count { return true }
            guard increment == .pabutools else { return false }
            let spent = selected.reduce(0) { $0 + instance.costs[$1] }
            let chosen = Set(selected)
            return !instance.candidates.contains { !chosen.contains($0) && spent + instance.costs[$0] <= budget }
        }
    }
}
