/// The dated rules of one year's village fund: the statutory deadlines and the rounding, kept as
/// data of the edition (written in its first entry) rather than constants in the code, so that a
/// change of the Act is a new edition's rules and past editions keep theirs.
///
/// ``statutory(budgetYear:)`` gives the rules of the Act of 21 February 2014 on the village fund as
/// published (Dz.U. 2014 poz. 301); README's "Village fund" section cites each article.
public struct VillageFundRules: Sendable, Hashable, Codable {
    /// The budget year the fund is for.
    public var budgetYear: Int
    /// The last day the council may resolve on separating the fund (art. 2 ust. 2: a resolution
    /// adopted after 31 March of the year before the budget year is void).
    public var resolutionDeadline: CalendarDay
    /// The last day the wójt tells the sołtysi their amounts (31 July of the year before the budget year).
    public var announcementDeadline: CalendarDay
    /// The last day a sołectwo's application reaches the wójt (art. 5 ust. 1: 30 September of the
    /// year before the budget year).
    public var applicationDeadline: CalendarDay
    /// Days from receiving an application within which the wójt may reject it (7).
    public var rejectionDays: Int
    /// Days from being told of a rejection within which the sołectwo may adopt the application
    /// again or the sołtys refer it to the council (7).
    public var responseDays: Int
    /// Days from a referral within which the council decides (14).
    public var councilDays: Int
    /// The fewest adult residents who may call a village assembly on their own initiative (art. 5 ust. 2: 15).
    public var minimumInitiators: Int
    /// How the amounts are rounded.
    public var rounding: VillageFundRounding

    /// Creates rules.
    public init(
        budgetYear: Int, resolutionDeadline: CalendarDay, announcementDeadline: CalendarDay,
        applicationDeadline: CalendarDay, rejectionDays: Int, responseDays: Int, councilDays: Int,
        minimumInitiators: Int, rounding: VillageFundRounding
    ) {
        self.budgetYear = budgetYear
        self.resolutionDeadline = resolutionDeadline
        self.announcementDeadline = announcementDeadline
        self.applicationDeadline = applicationDeadline
        self.rejectionDays = rejectionDays
        self.responseDays = responseDays
        self.councilDays = councilDays
        self.minimumInitiators = minimumInitiators
        self.rounding = rounding
    }

    /// The rules of the Act of 21 February 2014 for a budget year.
    public static func statutory(budgetYear: Int, rounding: VillageFundRounding = .grosz) -> VillageFundRules {
        // `decide` refuses a year outside `VillageFund.budgetYears`; the rules of any year from outside must still
        // be computable up to that check, without trapping at Int.min.
        let before = budgetYear.subtractingReportingOverflow(1).partialValue
        return VillageFundRules(
            budgetYear: budgetYear, resolutionDeadline: CalendarDay(year: before, month: 3, day: 31),
            announcementDeadline: CalendarDay(year: before, month: 7, day: 31),
            applicationDeadline: CalendarDay(year: before, month: 9, day: 30), rejectionDays: 7, responseDays: 7,
            councilDays: 14, minimumInitiators: 15, rounding: rounding)
    }
}
