import WiecCore

/// Turns events into an entry's `type` and canonical `body`, and back.
enum EventCoding {
    /// The entry type and the canonical JSON body of an event.
    static func encode(_ event: Event) throws(LedgerError) -> (type: String, body: String) {
        if let fast = encodeFast(event) { return fast }
        let value: JSONValue
        do {
            value = try JSONValueEncoder.encode(event)
        } catch {
            throw .malformed("event cannot be encoded: \(error)")
        }
        guard case .object(let members) = value, members.count == 1, let (type, body) = members.first else {
            throw .malformed("an event encodes as one type key")
        }
        // An edition kind's own events are written under their own type, not under the wrapper's.
        if Self.wrapperTypes.contains(type) {
            guard case .object(let wrapped) = body, wrapped.count == 1, case .object(let inner)? = wrapped["_0"],
                inner.count == 1, let (innerType, innerBody) = inner.first
            else { throw .malformed("a \(type) event encodes as one inner type key") }
            return (innerType, innerBody.canonicalString)
        }
        return (type, body.canonicalString)
    }

    /// The cases of ``Event`` that wrap the events of an edition kind of its own.
    static let wrapperTypes: Set<String> = [Event.CodingKeys.villageFund.rawValue, Event.CodingKeys.localInitiative.rawValue]

    /// Every entry type the log may hold: the events' own and the edition kinds' events.
    static var entryTypes: Set<String> {
        Set(Event.CodingKeys.allCases.map(\.rawValue)).subtracting(wrapperTypes)
            .union(VillageFundEvent.CodingKeys.allCases.map(\.rawValue))
            .union(LocalInitiativeEvent.CodingKeys.allCases.map(\.rawValue))
    }

    /// The event of an entry.
    ///
    /// - Throws: ``LedgerError`` naming the type and what does not fit.
    static func decode(type: String, body: String) throws(LedgerError) -> Event {
        let value = try JSONParser.parse(Array(body.utf8))
        if let fast = decodeFast(type: type, body: value) { return fast }
        guard !wrapperTypes.contains(type) else { throw .malformed("\(type) is not an entry type; its events are written under their own") }
        do {
            if VillageFundEvent.CodingKeys(rawValue: type) != nil {
                return .villageFund(try JSONValueDecoder.decode(VillageFundEvent.self, from: .object([type: value])))
            }
            if LocalInitiativeEvent.CodingKeys(rawValue: type) != nil {
                return .localInitiative(try JSONValueDecoder.decode(LocalInitiativeEvent.self, from: .object([type: value])))
            }
            return try JSONValueDecoder.decode(Event.self, from: .object([type: value]))
        } catch {
            throw .malformed("body is not a valid \(type) event: \(error)")
        }
    }

    /// The canonical JSON of a command, for idempotency fingerprints. A ballot, which comes by
    /// the thousand, is written directly: its fields are those of its `ballot_cast` event, so
    /// the command is that event's body under `castBallot` (the generic path's bytes; a test
    /// holds them equal).
    static func canonical(_ command: Command) throws(LedgerError) -> [UInt8] {
        guard case .castBallot(let ballot, let voter, let pool, let projects, let points, let method) = command else {
            do {
                return try JSONValueEncoder.encode(command).canonicalBytes
            } catch {
                throw .malformed("command cannot be encoded: \(error)")
            }
        }
        var out = Array(#"{"castBallot":"#.utf8)
        writeBallot(ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The canonical body of the events a vote appends by the thousand, written directly; the
    /// bytes are exactly those of the generic path (a test holds them equal).
    static func encodeFast(_ event: Event) -> (type: String, body: String)? {
        var out: [UInt8] = []
        switch event {
        case .voterRegistered(let voter):
            out.append(contentsOf: #"{"voter":"#.utf8)
            JSONValue.writeString(voter, to: &out)
            out.append(UInt8(ascii: "}"))
            return (Event.CodingKeys.voterRegistered.rawValue, String(decoding: out, as: UTF8.self))
        case .ballotCast(let ballot, let voter, let pool, let projects, let points, let method):
            writeBallot(ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method, to: &out)
            return (Event.CodingKeys.ballotCast.rawValue, String(decoding: out, as: UTF8.self))
        default:
            return nil
        }
    }

    /// Appends a ballot's fields as one canonical JSON object: the body of `ballot_cast`, and
    /// the inside of a `castBallot` command.
    private static func writeBallot(
        ballot: BallotID, voter: VoterID, pool: PoolID, projects: [ProposalID], points: [Int64], method: VotingMethod,
        to out: inout [UInt8]
    ) {
        out.reserveCapacity(out.count + 128)
        out.append(contentsOf: #"{"ballot":"#.utf8)
        JSONValue.writeString(ballot, to: &out)
        out.append(contentsOf: #","method":"#.utf8)
        JSONValue.writeString(method.rawValue, to: &out)
        out.append(contentsOf: #","points":["#.utf8)
        for (index, value) in points.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: String(value).utf8)
        }
        out.append(contentsOf: #"],"pool":"#.utf8)
        JSONValue.writeString(pool, to: &out)
        out.append(contentsOf: #","projects":["#.utf8)
        for (index, project) in projects.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(project, to: &out)
        }
        out.append(contentsOf: #"],"voter":"#.utf8)
        JSONValue.writeString(voter, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The same two events read without the generic decoder; `nil` sends anything unusual
    /// down the generic path, which names what is wrong.
    static func decodeFast(type: String, body: JSONValue) -> Event? {
        guard case .object(let fields) = body else { return nil }
        switch type {
        case Event.CodingKeys.voterRegistered.rawValue:
            guard fields.count == 1, case .string(let voter)? = fields["voter"] else { return nil }
            return .voterRegistered(voter: voter)
        case Event.CodingKeys.ballotCast.rawValue:
            guard fields.count == 6, case .string(let ballot)? = fields["ballot"], case .string(let voter)? = fields["voter"],
                case .string(let pool)? = fields["pool"], case .string(let methodName)? = fields["method"],
                let method = VotingMethod(rawValue: methodName), case .array(let projectValues)? = fields["projects"],
                case .array(let pointValues)? = fields["points"]
            else { return nil }
            var projects: [ProposalID] = []
            projects.reserveCapacity(projectValues.count)
            for value in projectValues {
                guard case .string(let project) = value else { return nil }
                projects.append(project)
            }
            var points: [Int64] = []
            points.reserveCapacity(pointValues.count)
            for value in pointValues {
                guard case .integer(let number) = value else { return nil }
                points.append(number)
            }
            return .ballotCast(ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method)
        default:
            return nil
        }
    }
}
