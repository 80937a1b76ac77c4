public import WiecTally

/// What the residents give to a local initiative (art. 19e): social work, goods or services, money.
public struct Contribution: Sendable, Hashable, Codable {
    /// Hours of social work.
    public var workHours: Int64
    /// The value of goods and services given in kind.
    public var goodsAndServices: Money
    /// Money given.
    public var money: Money

    /// Creates a contribution.
    public init(workHours: Int64, goodsAndServices: Money, money: Money) {
        self.workHours = workHours
        self.goodsAndServices = goodsAndServices
        self.money = money
    }

    /// Nothing given.
    public static let none = Contribution(workHours: 0, goodsAndServices: .zero, money: .zero)

    /// Whether something is given.
    public var isEmpty: Bool { workHours == 0 && goodsAndServices == .zero && money == .zero }

    enum CodingKeys: String, CodingKey {
        case workHours = "work_hours", goodsAndServices = "goods_and_services", money
    }
}

/// Who applies: residents directly, or through a non-governmental organisation (art. 19b ust. 1).
public enum LocalInitiativeApplicant: Sendable, Hashable, Codable {
    /// A group of residents; the log holds only the submitter's opaque id.
    case residents
    /// An organisation, by its public name (and KRS number, if given in the name).
    case organisation(name: String)
}
