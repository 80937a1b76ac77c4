import Foundation
import Testing
import WiecCore
import WiecTally
@testable import WiecLedger

@Suite("RFC 8785 canonical JSON and event coding")
struct CanonicalJSONTests {
    @Test("keys sorted by UTF-16 code units, minimal escapes, no whitespace")
    func canonicalForm() throws {
        let value = try JSONParser.parse(Array(#"{ "b": [1, -2, true, null], "a": "ą\"\\\n\u0001", "\uff61": 1, "\ud83d\ude00": 2 }"#.utf8))
        #expect(value.canonicalString == "{\"a\":\"ą\\\"\\\\\\n\\u0001\",\"b\":[1,-2,true,null],\"😀\":2,\"｡\":1}")
    }

    @Test("fractions, duplicate keys and trailing text are refused", arguments: ["1.5", #"{"a":1,"a":2}"#, "[1] x", "1e3"])
    func refused(_ text: String) {
        #expect(throws: LedgerError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test(
        "a request may write an integer as JSON Schema allows: with a zero fraction or an exponent",
        arguments: [("159.0", 159), ("1e3", 1000), ("2.50E+2", 250), ("-0.0", 0), ("0e99999999", 0), ("-12.000e1", -120),
                    ("9223372036854775807.0", Int64.max), ("-92233720368547758.08e2", Int64.min), ("1000e-3", 1)] as [(String, Int64)])
    func integralForms(_ text: String, _ value: Int64) throws {
        #expect(try JSONParser.parse(Array(text.utf8), integralForms: true) == .integer(value))
        #expect(throws: LedgerError.self, "the log's own text takes plain integers only") { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test("a number that is not an integer, or beyond 64 bits, is refused in any form",
          arguments: ["1.5", "1e-1", "1e19", "9223372036854775808.0", "1e99999", "1.", "1e", "1e+", ".5", "-"])
    func notIntegers(_ text: String) {
        #expect(throws: LedgerError.self) { try JSONParser.parse(Array(text.utf8), integralForms: true) }
    }

    @Test("every kind of event goes to type and body and back unchanged")
    func eventsRoundTrip() throws {
        let pool = PoolConfig(
            id: "p", name: "Pula", budget: Money(minorUnits: 123_456), voteType: .cumulative,
            limits: BallotLimits(maxLength: 3, maxSumPoints: 10), minProjectScoreThreshold: 5, allowsRevoting: true)
        var grouped = pool
        grouped.exclusionGroups = [PoolExclusionGroup(projects: ["x", "y"], atMost: 1)]
        grouped.ballotOrder = .randomPerVoter(seed: "seed-1")
        let events: [Event] = [
            .editionCreated(name: "BO"), .voterAgeLimitSet(minimumAge: 16), .voterAgeLimitSet(minimumAge: nil), .amendmentPolicySet(policy: .reviewAgain),
            .timetableSet(timetable: Timetable(starts: [.submission: CalendarDay(year: 2027, month: 3, day: 1), .voting: CalendarDay(year: 2027, month: 6, day: 1)])),
            .poolAdded(pool: pool), .phaseChanged(from: .draft, to: .submission),
            .poolAdded(pool: grouped),
            .workshopRecorded(workshop: Workshop(id: "w", theme: "t", date: CalendarDay(year: 2027, month: 1, day: 2), place: "p", facilitator: "f", participants: 3)),
            .initiativeSubmitted(id: "i", workshop: nil, title: "t", description: "d", submitter: "s"),
            .proposalSubmitted(id: "x", pool: "p", title: "t", description: "d", category: "c", location: nil, costEstimate: Money(units: 5), initiative: "i", submitter: "s"),
            .proposalAmended(proposal: "x", title: nil, description: "nowy", costEstimate: nil),
            .reviewReopened(proposal: "x"), .supportSigned(proposal: "x", signer: "s2"),
            .proposalReviewed(proposal: "x", stage: .cost, outcome: .positive, justification: "j", reviewedCost: Money(units: 4), reviewer: "r"),
            .appealFiled(appeal: "a", proposal: "x", stage: .merit, grounds: "g"),
            .appealDecided(appeal: "a", upheld: false, justification: "j", reviewedCost: nil),
            .residentRegistered(resident: "r-1"), .voterRegistered(voter: "v"),
            .ballotCast(ballot: "b", voter: "v", pool: "p", projects: ["x"], points: [3], method: .paper),
            .ballotCast(ballot: "b\"2", voter: "w\\", pool: "p\n", projects: ["x", "y"], points: [], method: .internet),
            .publishedBallotRecorded(ballot: "b", breaks: ["line 20: vote: project 'x' appears twice on the ballot; counted once"]),
            .ballotVoided(ballot: "b", reason: "r"), .projectWithdrawn(proposal: "x", reason: "r"),
            .resultPublished(pool: "p", result: PublishedResult(rule: "greedy", tieBreaking: "file-order", selected: ["x"], scores: [3], spent: Money(units: 4))),
            .votingPointAdded(point: VotingPoint(id: "urzad", name: "Urząd", address: "Rynek 1")),
            .paperBatchEntered(point: "urzad", ballots: ["b"], invalidCards: 2),
            .paperProtocolRecorded(point: "urzad", protocol: PaperProtocol(cardsReceived: 10, cardsIssued: 4, valid: 1, invalid: 2, official: "o")),
        ] + Self.villageFundEvents + Self.localInitiativeEvents
        #expect(Set(events.map { try! EventCoding.encode($0).type }) == EventCoding.entryTypes)
        // A pool without exclusion groups is written as before they existed.
        #expect(try !EventCoding.encode(.poolAdded(pool: pool)).body.contains("exclusion_groups"))
        #expect(try EventCoding.encode(.poolAdded(pool: grouped)).body.contains(#""exclusion_groups":[{"at_most":1,"projects":["x","y"]}]"#))
        for event in events {
            let (type, body) = try EventCoding.encode(event)
            // The direct path for votes writes exactly the generic path's bytes.
            if let fast = EventCoding.encodeFast(event) {
                let generic = try JSONValueEncoder.encode(event)
                #expect(generic == .object([fast.type: try JSONParser.parse(Array(fast.body.utf8))]))
                #expect(try JSONParser.parse(Array(fast.body.utf8)).canonicalString == fast.body)
            }
            #expect(try JSONParser.parse(Array(body.utf8)).canonicalString == body)
            #expect(try EventCoding.decode(type: type, body: body) == event)
        }
    }

    static let day = CalendarDay(year: 2026, month: 9, day: 1)

    static let villageFundEvents: [Event] = [
        .fundOpened(name: "FS 2027", rules: .statutory(budgetYear: 2027)),
        .fundResolutionRecorded(number: "XX/1/2026", adoptedOn: day, consents: true),
        .fundAmountsAnnounced(
            revenue: Money(units: 1_000), residents: 10, baseAmount: Money(units: 100), cap: Money(units: 1_000),
            shares: [SolectwoShare(solectwo: "A", residents: 5, formulaAmount: Money(units: 205), addition: Money(units: 10), additionBasis: "u")],
            announcedOn: day),
        .fundAssemblyRecorded(assembly: VillageAssembly(
            id: "z", solectwo: "A", convener: .residents(count: 15), heldOn: day, attendance: 20,
            projects: [AssemblyProject(id: "p", title: "t", costEstimate: Money(units: 5), justification: "j", votes: AssemblyVotes(inFavour: 3, against: 1, abstaining: 2))])),
        .fundAssemblyRecorded(assembly: VillageAssembly(id: "z2", solectwo: "A", convener: .radaSolecka, heldOn: day, attendance: 0, projects: [])),
        .fundApplicationSubmitted(id: "w", solectwo: "A", assembly: "z", projects: ["p"], cost: Money(units: 5), submittedOn: day, replaces: nil),
        .fundApplicationAccepted(application: "w", decidedOn: day),
        .fundApplicationRejected(application: "w", reasons: "r", decidedOn: day),
        .fundApplicationReferred(application: "w", referredOn: day),
        .fundCouncilDecided(application: "w", resolution: "XX/2", accepted: true, reasons: "r", decidedOn: day),
        .fundExecutionRecorded(application: "w", project: "p", on: day, spent: Money(minorUnits: 12_345), completed: true, note: "n"),
    ].map(Event.villageFund)

    static let localInitiativeEvents: [Event] = [
        .localCriteriaAdopted(rules: LocalInitiativeRules(
            resolution: "X/1", adoptedOn: day,
            criteria: [AssessmentCriterion(id: "w", name: "wkład", weight: 3, maxPoints: 10, measuresContribution: true)],
            tieBreak: .contributionThenSubmission)),
        .localApplicationSubmitted(
            id: "a", applicant: .organisation(name: "KGW"), title: "t", description: "d", initiative: "i",
            contribution: Contribution(workHours: 40, goodsAndServices: Money(units: 100), money: .zero),
            requestedFromGmina: Money(units: 5_000), submittedOn: day, submitter: "s"),
        .localApplicationSubmitted(
            id: "b", applicant: .residents, title: "t", description: "d", initiative: nil, contribution: .none,
            requestedFromGmina: .zero, submittedOn: day, submitter: "s"),
        .localApplicationScored(application: "a", criterion: "w", points: 7, justification: "j", scorer: "o"),
        .localApplicationDecided(application: "a", approved: true, justification: "j", decidedOn: day),
        .localAgreementSigned(application: "a", number: "U/1", signedOn: day, endsOn: day, gminaShare: Money(units: 10), contribution: .none),
        .localProgressRecorded(application: "a", on: day, note: "n", contributionGiven: .none, completed: true),
    ].map(Event.localInitiative)

    @Test("a ballot command's canonical bytes, written directly, are the generic encoder's", arguments: [
        Command.castBallot(ballot: "b", voter: "v", pool: "p", projects: ["x"], points: [3], method: .paper),
        Command.castBallot(ballot: "b\"2", voter: "w\\", pool: "p\n", projects: ["x", "ż"], points: [], method: .internet),
        Command.castBallot(ballot: "b", voter: "v", pool: "p", projects: [], points: [-1, Int64.max], method: .internet),
    ])
    func commandCanonicalBytes(command: Command) throws {
        #expect(try EventCoding.canonical(command) == JSONValueEncoder.encode(command).canonicalBytes)
    }

    @Test("a remembered receipt's JSON, written directly, is the generic encoder's and reads back", arguments: [
        Receipt(edition: "bo-2027", firstSequence: 1, lastSequence: 2, lastHash: "ab", lastLeafHash: "cd"),
        Receipt(edition: "ż\"\\\n", firstSequence: 0, lastSequence: Int64.max, lastHash: "", lastLeafHash: nil),
    ])
    func receiptJSON(receipt: Receipt) throws {
        let stored = StoredCommand(fingerprint: [1, 2], receipt: receipt)
        #expect(Array(stored.receiptJSON().utf8) == (try JSONValueEncoder.encode(receipt).canonicalBytes))
        #expect(try StoredCommand(fingerprint: [1, 2], receiptJSON: stored.receiptJSON()) == stored)
    }

    @Test("a wrapper's name is not an entry type")
    func wrapperTypeRefused() {
        #expect(throws: LedgerError.self) { try EventCoding.decode(type: "village_fund", body: #"{"_0":{"fund_opened":{}}}"#) }
    }

    @Test("entry canonical bytes are the JCS form of the entry object")
    func entryBytes() throws {
        let entry = LedgerEntry(
            sequence: 7, id: "e-7", time: "2027-05-04T12:00:00.000Z", type: "voter_registered", actorRole: "official",
            actorID: "u\"1", edition: "bo", body: #"{"voter":"v1"}"#)
        let previous = [UInt8](repeating: 0xAB, count: 32)
        let bytes = entry.canonicalBytes(previousHash: previous)
        #expect(try entry.json(previousHash: previous).canonicalBytes == bytes)
        #expect(try LedgerEntry(json: JSONParser.parse(bytes)) == entry)
    }

    @Test("entry times are RFC 3339 UTC with milliseconds")
    func timestamps() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_809_000_000.25)) == "2027-04-29T12:00:00.250Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }
}
