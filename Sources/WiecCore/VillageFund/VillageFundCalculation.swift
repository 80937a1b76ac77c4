public import WiecTally

/// The amounts of a village fund as the formula gives them, with every step kept so that the
/// computation can be printed and checked by hand.
public struct VillageFundCalculation: Sendable, Hashable, Codable {
    /// The gmina's executed current revenues of the year two years before the budget year.
    public var revenue: Money
    /// The gmina's residents at the end of that year.
    public var residents: Int64
    /// The base amount `Kb = revenue / residents`, rounded half up to the grosz.
    public var baseAmount: Money
    /// The cap `10 × Kb`, rounded down to the rounding unit.
    public var cap: Money
    /// How the amounts are rounded.
    public var rounding: VillageFundRounding
    /// Each sołectwo's amount, in the order given.
    public var amounts: [SolectwoAmount]

    /// Creates a calculation; ``VillageFundFormula/calculate(revenue:residents:solectwa:rounding:)`` computes one.
    public init(
        revenue: Money, residents: Int64, baseAmount: Money, cap: Money, rounding: VillageFundRounding,
        amounts: [SolectwoAmount]
    ) {
        self.revenue = revenue
        self.residents = residents
        self.baseAmount = baseAmount
        self.cap = cap
        self.rounding = rounding
        self.amounts = amounts
    }

    /// The sum of every sołectwo's amount.
    public var total: Money {
        amounts.reduce(.zero) { $0 + $1.amount }
    }

    /// The base amount exactly, before rounding: `revenue / residents` grosze.
    public var exactBaseAmount: Rational {
        Rational(BigInt(revenue.minorUnits), BigInt(residents))
    }
}

/// One sołectwo's share of the fund.
public struct SolectwoAmount: Sendable, Hashable, Codable {
    /// The sołectwo's name as the gmina's statute spells it.
    public var solectwo: String
    /// `Lm`: its residents (on 30 June of the year before the budget year).
    public var residents: Int64
    /// `(2 + Lm/100) × Kb` exactly, in hundredths of a grosz: `(200 + Lm) × Kb`.
    public var exactHundredths: Int64
    /// The formula's value rounded to the unit, before the cap.
    public var rounded: Money
    /// Whether the cap `10 × Kb` applies.
    public var capped: Bool
    /// What the sołectwo receives from the formula: the rounded value, or the cap.
    public var amount: Money

    /// Creates a sołectwo's share.
    public init(solectwo: String, residents: Int64, exactHundredths: Int64, rounded: Money, capped: Bool, amount: Money) {
        self.solectwo = solectwo
        self.residents = residents
        self.exactHundredths = exactHundredths
        self.rounded = rounded
        self.capped = capped
        self.amount = amount
    }
}
