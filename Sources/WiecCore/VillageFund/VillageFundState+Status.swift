/// Where one sołectwo stands against the fund's deadlines: what pages and the API show the
/// gmina's official for every sołectwo.
public struct SolectwoStatus: Sendable, Hashable {
    /// The sołectwo.
    public var solectwo: String
    /// Its latest application (one it replaced is left out), if any.
    public var application: FundApplication?
    /// The last day of the next step the Act provides, or `nil` when nothing more is due: the
    /// application (30 September), the wójt's rejection, the sołectwo's response, the council's decision.
    public var nextDeadline: CalendarDay?
}

extension VillageFundState {
    /// Every announced sołectwo's status, in the announcement's order.
    public var statuses: [SolectwoStatus] {
        (announcement?.shares ?? []).map { share in
            let application = applications(of: share.solectwo).last
            let deadline: CalendarDay? =
                switch application?.status {
                case nil: rules.applicationDeadline
                case .submitted?: application!.submittedOn.adding(days: rules.rejectionDays)
                case .rejected?: application!.decidedOn.map { $0.adding(days: rules.responseDays) }
                case .referred?: application!.decidedOn.map { $0.adding(days: rules.councilDays) }
                case .accepted?, .acceptedByCouncil?, .rejectedByCouncil?, .replaced?: nil
                }
            return SolectwoStatus(solectwo: share.solectwo, application: application, nextDeadline: deadline)
        }
    }

    /// Whether the amounts were announced after the rules' announcement deadline.
    public var announcedLate: Bool {
        announcement.map { $0.announcedOn > rules.announcementDeadline } ?? false
    }
}
