public import WiecTally

/// What the wójt announced to one sołtys: the formula's amount and anything the gmina adds.
public struct SolectwoShare: Sendable, Hashable, Codable {
    /// The sołectwo.
    public var solectwo: String
    /// Its residents `Lm`.
    public var residents: Int64
    /// The amount art. 3 ust. 1 gives, after the cap.
    public var formulaAmount: Money
    /// What the gmina adds beyond the formula (0 when nothing), recorded apart from it.
    public var addition: Money
    /// The act the addition rests on (e.g. the council's resolution number), when there is one.
    public var additionBasis: String?

    /// Creates a share.
    public init(solectwo: String, residents: Int64, formulaAmount: Money, addition: Money, additionBasis: String?) {
        self.solectwo = solectwo
        self.residents = residents
        self.formulaAmount = formulaAmount
        self.addition = addition
        self.additionBasis = additionBasis
    }

    /// What the sołectwo's application may spend: the formula's amount and the addition.
    public var available: Money { formulaAmount + addition }

    enum CodingKeys: String, CodingKey {
        case solectwo, residents, formulaAmount = "formula_amount", addition, additionBasis = "addition_basis"
    }
}

/// One sołectwo as the wójt's announcement names it: its residents and what the gmina adds.
public struct SolectwoInput: Sendable, Hashable, Codable {
    /// The sołectwo's name.
    public var solectwo: String
    /// Its residents on 30 June of the year before the budget year.
    public var residents: Int64
    /// What the gmina adds beyond the formula.
    public var addition: Money
    /// The act the addition rests on.
    public var additionBasis: String?

    /// Creates an input row.
    public init(solectwo: String, residents: Int64, addition: Money = .zero, additionBasis: String? = nil) {
        self.solectwo = solectwo
        self.residents = residents
        self.addition = addition
        self.additionBasis = additionBasis
    }

    enum CodingKeys: String, CodingKey {
        case solectwo, residents, addition, additionBasis = "addition_basis"
    }
}
