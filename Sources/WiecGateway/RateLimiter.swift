import Foundation
import Synchronization

/// Per-client token buckets: each client may spend `perMinute` requests a minute, refilled
/// continuously; over it, the request is refused with 429 and the seconds until one is free.
public final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let perMinute: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Creates a limiter allowing `perMinute` requests a minute per client (0: unlimited).
    public init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Takes one request from a client's bucket.
    ///
    /// - Throws: ``Problem`` `rate_limited` (429) with `Retry-After` when the bucket is empty.
    public func take(_ client: String, now: ContinuousClock.Instant = .now) throws {
        guard perMinute > 0 else { return }
        let capacity = Double(perMinute)
        let perSecond = capacity / 60
        let wait: Int? = buckets.withLock { buckets in
            if buckets.count > 100_000 { buckets.removeAll(keepingCapacity: true) }
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + seconds * perSecond)
            bucket.updated = now
            defer { buckets[client] = bucket }
            guard bucket.tokens >= 1 else { return Int(((1 - bucket.tokens) / perSecond).rounded(.up)) }
            bucket.tokens -= 1
            return nil
        }
        if let wait { throw Problem.rateLimited(retryAfter: max(wait, 1)) }
    }
}
