import Foundation
import Testing
import WiecCore

/// The timetable: the days the phases are planned to begin, each phase ending the day before
/// the next dated one, refused when out of order or not a day of the calendar.
@Suite struct TimetableTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test func eachPhaseEndsTheDayBeforeTheNextDatedOne() {
        let timetable = Timetable(starts: [.submission: Self.day("2027-03-01"), .voting: Self.day("2028-01-01"), .published: Self.day("2028-03-01")])
        #expect(timetable.end(of: .submission) == Self.day("2027-12-31"), "crosses the year")
        #expect(timetable.end(of: .voting) == Self.day("2028-02-29"), "2028 is a leap year")
        #expect(timetable.end(of: .published) == nil)
        #expect(timetable.end(of: .review) == nil, "an undated phase has no end")
    }

    @Test func anOfficialAnnouncesItAndALaterOneReplacesIt() throws {
        var edition = try EditionFixture.voting()
        let first = Timetable(starts: [.closed: Self.day("2027-12-10"), .published: Self.day("2027-12-20")])
        #expect(try edition.run(.setTimetable(first), by: EditionFixture.official) == [.timetableSet(timetable: first)])
        #expect(edition.state.timetable == first)
        let second = Timetable(starts: [.published: Self.day("2027-12-22")])
        try edition.run(.setTimetable(second), by: EditionFixture.official)
        #expect(edition.state.timetable == second)
        let coded = try JSONDecoder().decode(Event.self, from: try JSONEncoder().encode(Event.timetableSet(timetable: first)))
        #expect(coded == .timetableSet(timetable: first))
    }

    @Test func outOfOrderImpossibleDaysTheDraftAndTheWrongActorAreRefused() throws {
        let edition = try EditionFixture.voting()
        let cases: [(Timetable, Actor, RefusalReason)] = [
            (Timetable(starts: [.voting: Self.day("2027-06-01"), .closed: Self.day("2027-06-01")]), EditionFixture.official, .invalidValue),
            (Timetable(starts: [.review: Self.day("2027-06-01"), .appeals: Self.day("2027-05-01")]), EditionFixture.official, .invalidValue),
            (Timetable(starts: [.voting: CalendarDay(year: 2027, month: 2, day: 30)]), EditionFixture.official, .invalidValue),
            (Timetable(starts: [.draft: Self.day("2027-01-01")]), EditionFixture.official, .invalidValue),
            (Timetable(starts: [.voting: Self.day("2027-06-01")]), EditionFixture.resident, .notAllowed),
            (Timetable(starts: [.voting: Self.day("2027-06-01")]), EditionFixture.reviewer, .notAllowed),
        ]
        for (timetable, actor, reason) in cases {
            #expect(edition.refusal(.setTimetable(timetable), by: actor) == reason, "\(timetable) by \(actor.role)")
        }
    }
}
