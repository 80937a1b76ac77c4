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
    enum Add1 {
        /// The parameters of the kept outcome (``Parameters/empty`` when no count fits) and
        /// how many currency units per voter were added to reach them.
        static func search(_ instance: EqualSharesInstance, budget: Int64, increment: EqualSharesIncrement) -> (Parameters, Int64) {
            let voters = Int64(instance.voterCount)
            let unit = Money.minorUnitsPerUnit
            let base: Parameters
            let first: Int64
            var kept: (Parameters, Int64)
            switch increment {
            case .pabutools:
                base = Parameters(start: BigInt(budget), slope: BigInt(unit) * voters, scale: BigInt(voters))
                first = 0
                kept = (.empty, 0)
            case .official:
                base = Parameters(start: BigInt(budget / unit / voters * unit), slope: BigInt(unit), scale: .one)
                first = 1
                kept = (Parameters(start: BigInt(budget), slope: .zero, scale: BigInt(voters)), 0)
            }
            var step = first
            var current = count(instance, base.advanced(by: step))
            guard fits(instance, current.selected, budget) else { return kept }
            var stride: Int64 = 1
            while true {
                if isFinal(instance, current.selected, budget, increment: increment) { return (base.advanced(by: step), step) }
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
                    kept = (base.advanced(by: step), step)
                    return kept
                }
            }
        }

        /// A count at the given per-voter budget, certified against `reference` when given;
        /// when `leaping`, it stops as soon as it cannot be certified.
        private static func count(_ instance: EqualSharesInstance, _ parameters: Parameters,
                                  against reference: EqualSharesEngine? = nil, leaping: Bool = false) -> EqualSharesEngine {
            let engine = EqualSharesEngine(
                instance, start: parameters.start, scale: parameters.scale, explain: false, recordingPrices: true,
                reference: reference.map { EqualSharesEngine.Reference(winners: $0.selected, prices: $0.prices) },
                stopWhenUncertified: leaping
            )
            engine.run()
            return engine
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
