/// How a sołectwo's amount is rounded once the formula of art. 3 ust. 1 of the Act of
/// 21 February 2014 on the village fund has been applied.
///
/// The Act prescribes no rounding. The base amount `Kb` is always rounded half up to the grosz
/// (both published sets of figures in the tests do so); the amount `F` is rounded half up to
/// the unit the gmina publishes in, and the cap `10 × Kb` down to that unit, so that no amount
/// ever exceeds ten times the base amount.
public enum VillageFundRounding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Half up to the grosz, as Gronowo Elbląskie published its 2018 fund.
    case grosz
    /// Half up to the whole złoty, as Przywidz published its 2025 fund.
    case zloty

    /// The unit in grosze.
    public var unit: Int64 {
        switch self {
        case .grosz: 1
        case .zloty: 100
        }
    }
}
