extension Event {
    /// Whether the log gets a signed checkpoint right after this event: a phase change, and the
    /// protocol of a voting point, the decisions of village funds and local initiatives (the council's resolutions, the amounts,
    /// the wójt's and the council's decisions on applications, the decisions and agreements of
    /// local initiatives), so that each is covered by a signed tree head where it happens.
    public var isCheckpointed: Bool {
        switch self {
        case .phaseChanged, .paperProtocolRecorded:
            true
        case .villageFund(let event):
            switch event {
            case .fundResolutionRecorded, .fundAmountsAnnounced, .fundApplicationAccepted, .fundApplicationRejected, .fundCouncilDecided:
                true
            case .fundOpened, .fundAssemblyRecorded, .fundApplicationSubmitted, .fundApplicationReferred, .fundExecutionRecorded:
                false
            }
        case .localInitiative(let event):
            switch event {
            case .localCriteriaAdopted, .localApplicationDecided, .localAgreementSigned:
                true
            case .localApplicationSubmitted, .localApplicationScored, .localProgressRecorded:
                false
            }
        default:
            false
        }
    }
}
