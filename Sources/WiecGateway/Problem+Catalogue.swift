public import HTTPTypes
public import Hummingbird
import NIOHTTP1
public import WiecCore
import WiecLedger

extension Problem {
    /// Maps any error thrown while serving a request to its problem: this is the only place
    /// where errors become statuses and codes.
    ///
    /// - Parameter error: A core `Refusal`, a `Problem`, an `HTTPError`, a `LedgerError`, a
    ///   `PeselError`, or anything else (which becomes a 500 that names nothing internal).
    public init(_ error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let refusal as Refusal:
            self = Self.refusal(refusal)
        case let error as PeselError:
            self = Self.refusal(Refusal(.invalidPesel, error.message))
        case let error as HTTPError:
            self = Self.http(error)
        case let error as HTTPParserError:
            // The request itself broke HTTP/1.1 (a bad chunk size, a malformed header) while its body was read.
            self = .malformedRequest("the request is not valid HTTP/1.1: \(error)")
        case let error as LedgerError where error.isNotFound:
            self = .unknownEntry(error.message)
        case let error as LedgerError where error.isUnavailable:
            self = Problem(
                .serviceUnavailable, code: "storage_unavailable", title: "The store cannot write now",
                titlePL: "Nie można teraz zapisać danych", detail: "\(error.message); retry later with the same Idempotency-Key",
                headers: [.retryAfter: "5"])
        default:
            self = Problem(
                .internalServerError, code: "internal_error", title: "Internal server error",
                titlePL: "Wewnętrzny błąd serwera", detail: "the server failed; the request id names it in the server's log")
        }
    }

    /// A refusal of the core, by its reason.
    public static func refusal(_ refusal: Refusal) -> Problem {
        let (status, title, titlePL) = describe(refusal.reason)
        return Problem(status, code: refusal.reason.rawValue, title: title, titlePL: titlePL, detail: refusal.detail)
    }

    /// Status and titles of every refusal reason; the switch is exhaustive so a new reason
    /// cannot ship without its mapping.
    public static func describe(_ reason: RefusalReason) -> (HTTPResponse.Status, String, String) {
        switch reason {
        case .unknownEdition: (.notFound, "No such edition", "Nie ma takiej edycji")
        case .unknownProposal: (.notFound, "No such proposal", "Nie ma takiego projektu")
        case .unknownAppeal: (.notFound, "No such appeal", "Nie ma takiego odwołania")
        case .unknownBallot: (.notFound, "No such ballot", "Nie ma takiej karty do głosowania")
        case .notAllowed: (.forbidden, "Your role may not do this", "Twoja rola nie pozwala na tę czynność")
        case .notInScope: (.forbidden, "Outside your scope", "Poza zakresem Twoich uprawnień")
        case .notSubmitter: (.forbidden, "Only the submitter may do this", "Tylko wnioskodawca może to zrobić")
        case .notRegistered: (.forbidden, "Not a registered voter", "Nie jesteś zarejestrowanym głosującym")
        case .editionExists: (.conflict, "The edition already exists", "Edycja już istnieje")
        case .phaseClosed: (.conflict, "Not accepted in the current phase", "Niedostępne w obecnym etapie")
        case .invalidTransition: (.conflict, "Phases follow a fixed order", "Etapy następują w ustalonej kolejności")
        case .duplicateID: (.conflict, "The id is already taken", "Ten identyfikator jest już zajęty")
        case .alreadySigned: (.conflict, "Already signed", "Już podpisano listę poparcia")
        case .alreadyReviewed: (.conflict, "This stage is already reviewed", "Ten etap weryfikacji już się odbył")
        case .reviewStarted: (.conflict, "The review has begun: the proposal can no longer be changed", "Weryfikacja już się rozpoczęła: projektu nie można już zmienić")
        case .stageOutOfOrder: (.conflict, "The previous review stage is not positive", "Poprzedni etap weryfikacji nie jest pozytywny")
        case .nothingToAppeal: (.conflict, "Nothing to appeal", "Nie ma od czego się odwołać")
        case .alreadyDecided: (.conflict, "Already decided", "Sprawa została już rozstrzygnięta")
        case .alreadyRegistered: (.conflict, "Already registered", "Już zarejestrowano")
        case .alreadyVoted: (.conflict, "Already voted in this pool", "Już oddano głos w tej puli")
        case .alreadyVoided: (.conflict, "The ballot is already void", "Karta jest już unieważniona")
        case .alreadyWithdrawn: (.conflict, "The project is already withdrawn", "Projekt jest już wycofany")
        case .tallyFailed: (.conflict, "The pool cannot be counted by its rule", "Nie można policzyć głosów tej puli według jej reguły")
        case .idempotencyConflict: (.conflict, "Idempotency key used for another request", "Klucz idempotencji użyty dla innego żądania")
        case .invalidValue: (.unprocessableContent, "Invalid value", "Nieprawidłowa wartość")
        case .invalidPesel: (.unprocessableContent, "Invalid PESEL", "Nieprawidłowy numer PESEL")
        case .tooYoung: (.unprocessableContent, "Below the edition's minimum voter age", "Poniżej minimalnego wieku głosującego w tej edycji")
        case .unknownPool: (.unprocessableContent, "No such pool", "Nie ma takiej puli")
        case .unknownWorkshop: (.unprocessableContent, "No such workshop", "Nie ma takiego warsztatu")
        case .unknownInitiative: (.unprocessableContent, "No such initiative", "Nie ma takiej inicjatywy")
        case .unknownVotingPoint: (.unprocessableContent, "No such voting point", "Nie ma takiego punktu do głosowania")
        case .missingReviewedCost: (.unprocessableContent, "The reviewed cost is missing", "Brak kosztu po weryfikacji")
        case .unknownProject: (.unprocessableContent, "The project is not on this ballot", "Tego projektu nie ma na karcie")
        case .duplicateProject: (.unprocessableContent, "A project named twice", "Projekt wskazano dwukrotnie")
        case .ballotTooLong: (.unprocessableContent, "Too many projects on the ballot", "Za dużo projektów na karcie")
        case .ballotTooShort: (.unprocessableContent, "Too few projects on the ballot", "Za mało projektów na karcie")
        case .overMaxSumCost: (.unprocessableContent, "The chosen projects cost too much", "Wybrane projekty kosztują za dużo")
        case .underMinSumCost: (.unprocessableContent, "The chosen projects cost too little", "Wybrane projekty kosztują za mało")
        case .pointsOutOfRange: (.unprocessableContent, "Points out of range", "Liczba punktów poza zakresem")
        case .overMaxSumPoints: (.unprocessableContent, "Too many points in all", "Za dużo punktów łącznie")
        case .underMinSumPoints: (.unprocessableContent, "Too few points in all", "Za mało punktów łącznie")
        case .malformedBallot: (.unprocessableContent, "Malformed ballot", "Nieprawidłowo wypełniona karta")
        case .wrongEditionKind: (.conflict, "Not an edition of this kind", "Ta edycja jest innego rodzaju")
        case .deadlinePassed: (.unprocessableContent, "Past the statutory deadline", "Po ustawowym terminie")
        case .outOfOrder: (.conflict, "A step this one follows is missing", "Brakuje wcześniejszego kroku")
        case .fundNotSeparated: (.conflict, "The council has not separated the village fund", "Rada gminy nie wyodrębniła funduszu sołeckiego")
        case .overFundAmount: (.unprocessableContent, "The projects cost more than the sołectwo's amount", "Przedsięwzięcia kosztują więcej niż środki sołectwa")
        case .tooFewInitiators: (.unprocessableContent, "Too few residents called the assembly", "Zebranie zwołane z inicjatywy zbyt małej liczby mieszkańców")
        case .notAdopted: (.unprocessableContent, "The village assembly did not adopt this project", "Zebranie wiejskie nie przyjęło tego przedsięwzięcia")
        case .unknownSolectwo: (.unprocessableContent, "No such sołectwo", "Nie ma takiego sołectwa")
        case .unknownAssembly: (.unprocessableContent, "No such village assembly", "Nie ma takiego zebrania wiejskiego")
        case .unknownApplication: (.notFound, "No such application", "Nie ma takiego wniosku")
        case .unknownCriterion: (.unprocessableContent, "No such criterion", "Nie ma takiego kryterium")
        case .missingContributionCriterion: (.unprocessableContent, "The criteria must assess the residents' contribution", "Kryteria muszą uwzględniać wkład mieszkańców")
        case .alreadyScored: (.conflict, "Already scored on this criterion", "Już oceniono według tego kryterium")
        }
    }

    /// Hummingbird's own errors: unmatched routes, oversized bodies, unreadable JSON.
    public static func http(_ error: HTTPError) -> Problem {
        let detail = error.body ?? error.status.reasonPhrase
        switch error.status {
        case .notFound: return .notFound(detail)
        case .contentTooLarge: return .bodyTooLarge(detail)
        case .badRequest:
            return .malformedRequest(detail)
        default:
            return Problem(error.status, code: "http_\(error.status.code)", title: error.status.reasonPhrase, titlePL: error.status.reasonPhrase, detail: detail)
        }
    }

    /// 404: nothing at this path.
    public static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, code: "not_found", title: "Not found", titlePL: "Nie znaleziono", detail: detail)
    }

    /// 404 with the refusal's code: the path names something that does not exist (an unknown
    /// pool in a body is 422, in a path 404).
    public static func notFound(_ refusal: Refusal) -> Problem {
        var problem = Self.refusal(refusal)
        problem.status = .notFound
        return problem
    }

    /// 405: the path exists with other methods.
    public static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [String]) -> Problem {
        var headers = HTTPFields()
        headers[.allow] = allowed.joined(separator: ", ")
        return Problem(
            .methodNotAllowed, code: "method_not_allowed", title: "Method not allowed", titlePL: "Niedozwolona metoda",
            detail: "\(method.rawValue) is not allowed here; allowed: \(allowed.joined(separator: ", "))", headers: headers)
    }

    /// 401: no token, or a token that is unknown or revoked.
    public static func unauthorized(_ detail: String) -> Problem {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = "Bearer realm=\"wiec\""
        return Problem(
            .unauthorized, code: "unauthorized", title: "Missing or invalid token", titlePL: "Brak lub nieprawidłowy token",
            detail: detail, headers: headers)
    }

    /// 403 for a caller whose kind of token cannot do this at all.
    public static func forbidden(_ detail: String) -> Problem {
        refusal(Refusal(.notAllowed, detail))
    }

    /// 400: a request that is not valid HTTP, or that Hummingbird could not read.
    static func malformedRequest(_ detail: String) -> Problem {
        Problem(.badRequest, code: "malformed_request", title: "Malformed request", titlePL: "Nieprawidłowe żądanie", detail: detail)
    }

    /// 400: a body that is not the JSON the endpoint takes.
    public static func malformedJSON(_ detail: String) -> Problem {
        Problem(.badRequest, code: "malformed_json", title: "Malformed JSON", titlePL: "Nieprawidłowy JSON", detail: detail)
    }

    /// 400: a body field the endpoint does not know.
    public static func unknownField(_ path: String) -> Problem {
        Problem(
            .badRequest, code: "unknown_field", title: "Unknown field", titlePL: "Nieznane pole",
            detail: "the field \(path) is not part of this request")
    }

    /// 413: a body over the limit.
    public static func bodyTooLarge(_ detail: String) -> Problem {
        Problem(.contentTooLarge, code: "body_too_large", title: "Request body too large", titlePL: "Zbyt duża treść żądania", detail: detail)
    }

    /// 422: a text field over its length limit or holding control characters.
    public static func invalidText(_ detail: String) -> Problem {
        Problem(.unprocessableContent, code: "invalid_text", title: "Invalid text", titlePL: "Nieprawidłowy tekst", detail: detail)
    }

    /// 404: no such entry (or range of entries) in the log.
    public static func unknownEntry(_ detail: String) -> Problem {
        Problem(.notFound, code: "unknown_entry", title: "No such entry in the log", titlePL: "Nie ma takiego wpisu w rejestrze", detail: detail)
    }

    /// 404: no checkpoint written yet.
    public static func noCheckpoint() -> Problem {
        Problem(.notFound, code: "no_checkpoint", title: "No checkpoint yet", titlePL: "Nie ma jeszcze punktu kontrolnego", detail: "no checkpoint has been written yet")
    }

    /// 409: results asked for before they are published.
    public static func notPublished(_ edition: String) -> Problem {
        Problem(
            .conflict, code: "not_published", title: "Results not published yet", titlePL: "Wyniki nie zostały jeszcze opublikowane",
            detail: "edition \(edition) has not published its results")
    }

    /// 429: over a rate limit, with the seconds to wait.
    public static func rateLimited(retryAfter seconds: Int) -> Problem {
        var headers = HTTPFields()
        headers[.retryAfter] = String(seconds)
        return Problem(
            .tooManyRequests, code: "rate_limited", title: "Too many requests", titlePL: "Zbyt wiele żądań",
            detail: "try again in \(seconds) s", headers: headers)
    }
}
