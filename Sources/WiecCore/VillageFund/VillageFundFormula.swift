public import WiecTally

/// The amount of the village fund per sołectwo, art. 3 ust. 1 of the Act of 21 February 2014 on
/// the village fund: `F = (2 + Lm/100) × Kb`, at most `10 × Kb`, where `Kb` is the gmina's executed
/// current revenues of the year two years before the budget year divided by its residents at the
/// end of that year. Integers only, every product checked for overflow.
public enum VillageFundFormula {
    /// Computes every sołectwo's amount.
    ///
    /// - Parameters:
    ///   - revenue: The executed current revenues (dochody bieżące wykonane), at least 0.
    ///   - residents: The gmina's residents, at least 1.
    ///   - solectwa: Each sołectwo's name and residents `Lm` (0 or more), names distinct.
    ///   - rounding: The unit amounts are rounded to.
    /// - Returns: The base amount, the cap and each amount with its steps.
    /// - Throws: ``Refusal`` `invalid_value` naming the input at fault, or an amount too large to compute.
    public static func calculate(
        revenue: Money, residents: Int64, solectwa: [(name: String, residents: Int64)], rounding: VillageFundRounding
    ) throws(Refusal) -> VillageFundCalculation {
        guard revenue >= .zero else { throw Refusal(.invalidValue, "the revenue cannot be negative (\(revenue))") }
        guard residents > 0 else { throw Refusal(.invalidValue, "the gmina needs at least one resident, not \(residents)") }
        let baseAmount = Money(minorUnits: halfUp(revenue.minorUnits, residents))
        let unit = rounding.unit
        guard case (let tenfold, false) = baseAmount.minorUnits.multipliedReportingOverflow(by: 10) else {
            throw Refusal(.invalidValue, "the base amount \(baseAmount) is too large to compute with")
        }
        let cap = Money(minorUnits: tenfold / unit * unit)
        var seen = Set<String>()
        var amounts: [SolectwoAmount] = []
        for (name, lm) in solectwa {
            guard !name.isEmpty else { throw Refusal(.invalidValue, "a sołectwo needs a name") }
            guard seen.insert(name).inserted else { throw Refusal(.invalidValue, "sołectwo \(name) is named twice") }
            guard lm >= 0 else { throw Refusal(.invalidValue, "sołectwo \(name): negative number of residents (\(lm))") }
            guard case (let factor, false) = lm.addingReportingOverflow(200),
                case (let hundredths, false) = factor.multipliedReportingOverflow(by: baseAmount.minorUnits)
            else { throw Refusal(.invalidValue, "sołectwo \(name): \(lm) residents give an amount too large to compute") }
            let rounded = Money(minorUnits: halfUp(hundredths, 100 * unit) * unit)
            let capped = rounded > cap
            amounts.append(SolectwoAmount(
                solectwo: name, residents: lm, exactHundredths: hundredths, rounded: rounded, capped: capped,
                amount: capped ? cap : rounded))
        }
        guard amounts.reduce(Optional(Int64(0)), { sum, item in
            sum.flatMap { value in
                let (total, overflow) = value.addingReportingOverflow(item.amount.minorUnits)
                return overflow ? nil : total
            }
        }) != nil else { throw Refusal(.invalidValue, "the amounts add up to more than can be computed with") }
        return VillageFundCalculation(
            revenue: revenue, residents: residents, baseAmount: baseAmount, cap: cap, rounding: rounding, amounts: amounts)
    }

    /// `numerator / denominator` rounded half up, for a numerator of 0 or more and a positive denominator.
    static func halfUp(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return remainder >= denominator - remainder ? quotient + 1 : quotient
    }
}
