import Foundation
import Testing
import WiecCore

@Suite("The edition's minimum voter age, set through the log and checked at registration")
struct VoterAgeTests {
    typealias F = EditionFixture

    @Test("an official sets and removes the limit in draft and submission; the state follows the events")
    func setInEarlyPhases() throws {
        var f = F()
        try f.run(.createEdition(name: "BO"), by: F.official)
        #expect(f.state.minimumVoterAge == nil)
        #expect(try f.run(.setVoterAgeLimit(minimumAge: 16), by: F.official) == [.voterAgeLimitSet(minimumAge: 16)])
        #expect(f.state.minimumVoterAge == 16)
        try f.run(.advancePhase(to: .submission), by: F.official)
        try f.run(.setVoterAgeLimit(minimumAge: nil), by: F.official)
        #expect(f.state.minimumVoterAge == nil)
        try f.run(.setVoterAgeLimit(minimumAge: 0), by: F.official)
        #expect(f.state.minimumVoterAge == 0)
        #expect(Edition.fold(f.events, into: EditionState(id: f.state.id)) == f.state)
    }

    @Test("refused after submission, to non-officials, out of range, before the edition exists")
    func refusals() throws {
        #expect(F().refusal(.setVoterAgeLimit(minimumAge: 16), by: F.official) == .unknownEdition)
        var f = F()
        try f.run(.createEdition(name: "BO"), by: F.official)
        #expect(f.refusal(.setVoterAgeLimit(minimumAge: 16), by: F.resident) == .notAllowed)
        #expect(f.refusal(.setVoterAgeLimit(minimumAge: 16), by: Actor(role: .official, id: "o", scope: .pools(["x"]))) == .notInScope)
        #expect(f.refusal(.setVoterAgeLimit(minimumAge: -1), by: F.official) == .invalidValue)
        #expect(f.refusal(.setVoterAgeLimit(minimumAge: Edition.maximumVoterAge + 1), by: F.official) == .invalidValue)
        try f.run(.advancePhase(to: .submission), by: F.official)
        try f.run(.advancePhase(to: .review), by: F.official)
        #expect(f.refusal(.setVoterAgeLimit(minimumAge: 16), by: F.official) == .phaseClosed)
        #expect(try F.voting().refusal(.setVoterAgeLimit(minimumAge: nil), by: F.official) == .phaseClosed)
    }

    @Test("too_young below the limit on the day of registration; at and above it, or with no limit, accepted")
    func checkAge() throws {
        var state = EditionState(id: "bo")
        let pesel = try Pesel(makePesel(2011, 6, 15))
        let eve = CalendarDay(year: 2027, month: 6, day: 14)
        let birthday = CalendarDay(year: 2027, month: 6, day: 15)
        try Edition.checkVoterAge(state, pesel: pesel, on: eve)
        state.minimumVoterAge = 16
        #expect {
            try Edition.checkVoterAge(state, pesel: pesel, on: eve)
        } throws: { error in
            // The detail names the limit, never the person's birth date.
            let refusal = error as! Refusal
            return refusal.reason == .tooYoung && refusal.detail.contains("16") && !refusal.detail.contains("2011")
        }
        try Edition.checkVoterAge(state, pesel: pesel, on: birthday)
        try Edition.checkVoterAge(state, pesel: pesel, on: CalendarDay(year: 2030, month: 1, day: 1))
        state.minimumVoterAge = 0
        try Edition.checkVoterAge(state, pesel: pesel, on: CalendarDay(year: 2011, month: 6, day: 15))
    }

    @Test("invalid_pesel for a birth date after the day of registration, with or without an age limit")
    func futureBirthDate() throws {
        var state = EditionState(id: "bo")
        let pesel = try Pesel(makePesel(2030, 2, 1))
        let today = CalendarDay(year: 2027, month: 6, day: 14)
        for limit in [nil, 0, 16] as [Int?] {
            state.minimumVoterAge = limit
            #expect {
                try Edition.checkVoterAge(state, pesel: pesel, on: today)
            } throws: { error in
                let refusal = error as! Refusal
                return refusal.reason == .invalidPesel && !refusal.detail.contains("2030")
            }
        }
        try Edition.checkVoterAge(state, pesel: pesel, on: CalendarDay(year: 2046, month: 2, day: 1))
    }

    @Test("registration: the age on the day in Warsaw, and once per PESEL in an edition")
    func registration() throws {
        var state = EditionState(id: "bo")
        state.minimumVoterAge = 16
        let pesel = try Pesel(makePesel(2011, 6, 15))
        // 14 June 2027, 22:30 UTC is already 15 June in Warsaw: the sixteenth birthday.
        let lateEvening = Date(timeIntervalSince1970: 1_813_012_200)
        try Edition.checkRegistration(state, pesel: pesel, registeredAs: nil, at: lateEvening)
        #expect(throws: Refusal.self) {
            try Edition.checkRegistration(state, pesel: pesel, registeredAs: nil, at: lateEvening.addingTimeInterval(-3_600))
        }
        #expect {
            try Edition.checkRegistration(state, pesel: pesel, registeredAs: "r-1", at: lateEvening)
        } throws: { error in
            (error as! Refusal).reason == .alreadyRegistered
        }
    }
}
