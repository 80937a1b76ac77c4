import Foundation
import Synchronization

/// Texts to be shown once, after a redirect: a sign-in code is put here under a random handle
/// kept in a short-lived cookie, and taking it removes it, so reloading the page does not show
/// the code again. Entries left unread expire after ten minutes.
final class OneTimeDisplay: Sendable {
    private struct Entry {
        var text: String
        var expires: ContinuousClock.Instant
    }

    /// The cookie holding the handle.
    static let cookie = "wiec_pokaz"
    private let entries = Mutex<[String: Entry]>([:])

    /// Keeps a text and returns its handle.
    func put(_ text: String, now: ContinuousClock.Instant = .now) -> String {
        let handle = CSRFGuard.newCookieValue()
        entries.withLock { entries in
            entries = entries.filter { $0.value.expires > now }
            entries[handle] = Entry(text: text, expires: now + .seconds(600))
        }
        return handle
    }

    /// Takes the text of a handle, once.
    func take(_ handle: String?, now: ContinuousClock.Instant = .now) -> String? {
        guard let handle else { return nil }
        return entries.withLock { entries in
            guard let entry = entries.removeValue(forKey: handle), entry.expires > now else { return nil }
            return entry.text
        }
    }
}
