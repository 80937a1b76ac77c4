extension EqualShares {
    /// The `add1` completion: raise the per-voter budget one currency unit at a time and keep the
    /// last outcome that still fits.
    ///
    /// Rather than count again for every unit, each count also returns its ``Horizon``: the
    /// number of further units over which every comparison it made keeps its outcome, and hence
    /// the outcome stays the same. The search jumps straight past them, so it counts once per
    /// distinct outcome rather than once per unit, and stays exact.
    enum Add1 {
        /// The parameters of the kept outcome (``Parameters/empty`` when no count fits) and
        /// how many currency units per voter were added to reach them.
        static func search(_ instance: EqualSharesInstance, budget: Int64, increment: EqualSharesIncrement) -> (Parameters, Int64) {
            let voters = Int64(instance.voterCount)
            let unit = Money.minorUnitsPerUnit
            switch increment {
            case .pabutools:
                let first = Parameters(start: BigInt(budget), slope: BigInt(unit) * voters, scale: BigInt(voters))
                var kept = (Parameters.empty, Int64(0))
                var step: Int64 = 0
                while true {
                    let (selected, horizon) = count(instance, first.advanced(by: step))
                    if !fits(instance, selected, budget) { return kept }
                    let last = step + (horizon.isUnbounded ? 0 : horizon.steps - 1)
                    if isExhaustive(instance, selected, budget) || horizon.isUnbounded {
                        return (first.advanced(by: step), step)
                    }
                    kept = (first.advanced(by: last), last)
                    step += horizon.steps
                }
            case .official:
                var kept = (Parameters(start: BigInt(budget), slope: .zero, scale: BigInt(voters)), Int64(0))
                let wholeUnits = budget / unit / voters
                let first = Parameters(start: BigInt(wholeUnits * unit), slope: BigInt(unit), scale: .one)
                var step: Int64 = 1
                while true {
                    let (selected, horizon) = count(instance, first.advanced(by: step))
                    if !fits(instance, selected, budget) { return kept }
                    if horizon.isUnbounded { return (first.advanced(by: step), step) }
                    let last = step + horizon.steps - 1
                    kept = (first.advanced(by: last), last)
                    step += horizon.steps
                }
            }
        }

        private static func count(_ instance: EqualSharesInstance, _ parameters: Parameters) -> ([Int], Horizon) {
            var engine = EqualSharesEngine(
                instance, start: parameters.start, slope: parameters.slope, scale: parameters.scale, track: true, explain: false
            )
            engine.run()
            return (engine.selected, engine.horizon)
        }

        private static func fits(_ instance: EqualSharesInstance, _ selected: [Int], _ budget: Int64) -> Bool {
            selected.reduce(0) { $0 + instance.costs[$1] } <= budget
        }

        /// Whether no candidate left out would still fit (pabutools' stop).
        private static func isExhaustive(_ instance: EqualSharesInstance, _ selected: [Int], _ budget: Int64) -> Bool {
            let spent = selected.reduce(0) { $0 + instance.costs[$1] }
            let chosen = Set(selected)
            return !instance.candidates.contains { !chosen.contains($0) && spent + instance.costs[$0] <= budget }
        }
    }
}
