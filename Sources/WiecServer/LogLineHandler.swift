public import Logging
import WiecLedger

#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// The server's log lines on standard error, one `write` each, so that lines from many requests
/// never interleave: `2026-12-04T21:10:03.123Z info wiec: key=value ... [module] message`, the time
/// in UTC to the millisecond, the metadata sorted by key. A control character in a value or in
/// the message (a newline sent to forge a line) is written as `\xNN`.
///
/// swift-log's `StreamLogHandler` makes the same line at several times the cost (the local time
/// zone looked up on every line, a lock and a flush around `fwrite`); under load the request log
/// was a fifth of the request handlers' time.
public struct LogLineHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable ([UInt8]) -> Void

    /// A handler for a logger's label, writing each line with `write`.
    public init(label: String, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.label = label
        self.write = write
    }

    /// A handler writing to standard error.
    public static func standardError(label: String) -> LogLineHandler {
        LogLineHandler(label: label) { line in
            line.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = systemWrite(2, bytes.baseAddress! + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(line(for: event, at: Self.now()))
    }

    /// The line an event makes at a time (seconds and milliseconds since 1970, UTC).
    func line(for event: LogEvent, at time: (seconds: Int, milliseconds: Int)) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        Self.appendTimestamp(time, to: &line)
        line.append(0x20)
        line.append(contentsOf: event.level.rawValue.utf8)
        if !label.isEmpty {
            line.append(0x20)
            Self.appendEscaped(label, to: &line)
        }
        line.append(0x3A)
        var all = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { all.merge(provided) { $1 } }
        if let explicit = event.metadata, !explicit.isEmpty { all.merge(explicit) { $1 } }
        if let error = event.error {
            all["error.message"] = "\(error)"
            all["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            line.append(0x20)
            Self.appendEscaped(key, to: &line)
            line.append(0x3D)
            if case .string(let text) = value { Self.appendEscaped(text, to: &line) } else { Self.appendEscaped("\(value)", to: &line) }
        }
        line.append(contentsOf: " [".utf8)
        Self.appendEscaped(event.source, to: &line)
        line.append(contentsOf: "] ".utf8)
        Self.appendEscaped(event.message.description, to: &line)
        line.append(0x0A)
        return line
    }

    /// The time now, in seconds and milliseconds since 1970 (UTC).
    static func now() -> (seconds: Int, milliseconds: Int) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return (Int(spec.tv_sec), Int(spec.tv_nsec) / 1_000_000)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    static func appendTimestamp(_ time: (seconds: Int, milliseconds: Int), to line: inout [UInt8]) {
        var seconds = time_t(time.seconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        appendDigits(Int(parts.tm_year) + 1900, count: 4, to: &line)
        line.append(0x2D)
        appendDigits(Int(parts.tm_mon) + 1, count: 2, to: &line)
        line.append(0x2D)
        appendDigits(Int(parts.tm_mday), count: 2, to: &line)
        line.append(0x54)
        appendDigits(Int(parts.tm_hour), count: 2, to: &line)
        line.append(0x3A)
        appendDigits(Int(parts.tm_min), count: 2, to: &line)
        line.append(0x3A)
        appendDigits(Int(parts.tm_sec), count: 2, to: &line)
        line.append(0x2E)
        appendDigits(time.milliseconds, count: 3, to: &line)
        line.append(0x5A)
    }

    /// A non-negative number in exactly `count` decimal digits.
    private static func appendDigits(_ value: Int, count: Int, to line: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            line.append(0x30 + UInt8(truncatingIfNeeded: (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Text as UTF-8, each control character as `\xNN`.
    static func appendEscaped(_ text: String, to line: inout [UInt8]) {
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F {
                line.append(contentsOf: "\\x\(Hex.encode([byte]))".utf8)
            } else {
                line.append(byte)
            }
        }
    }
}
