import Foundation
import Logging
import Synchronization
import Testing
@testable import WiecServer

/// The server's log lines: one line an event, UTC to the millisecond, metadata sorted, control
/// characters escaped so that a request cannot forge a line.
@Suite struct LogLineHandlerTests {
    /// A logger whose lines are kept.
    final class Lines: Sendable {
        let written = Mutex<[String]>([])

        func logger(level: Logger.Level = .info) -> Logger {
            var logger = Logger(label: "wiec") { label in
                LogLineHandler(label: label) { bytes in self.written.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
            }
            logger.logLevel = level
            return logger
        }

        var all: [String] { written.withLock { $0 } }
    }

    @Test("a line holds the time, level, label, sorted metadata, module and message, and ends the line")
    func layout() throws {
        let lines = Lines()
        var logger = lines.logger()
        logger[metadataKey: "hb.request.id"] = "42"
        logger[metadataKey: "status"] = "200"
        logger.info("request", metadata: ["status": "201", "method": "POST", "ms": .stringConvertible(1.5)])
        let line = try #require(lines.all.first)
        #expect(lines.all.count == 1)
        let pattern = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info wiec: hb\.request\.id=42 method=POST ms=1\.5 status=201 \[WiecServerTests\] request\n$/#
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }

    @Test("the time is the instant's UTC time, to the millisecond")
    func timestamp() throws {
        let handler = LogLineHandler(label: "wiec") { _ in }
        let event = LogEvent(level: .info, message: "m", metadata: nil, source: "S", file: #fileID, function: #function, line: #line)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for (seconds, milliseconds) in [(0, 7), (951_782_400, 999), (1_796_418_197, 123), (4_102_444_799, 0)] {
            let line = String(decoding: handler.line(for: event, at: (seconds, milliseconds)), as: UTF8.self)
            let expected = formatter.string(from: Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000 + 0.0001))
            #expect(line.hasPrefix(expected + " info wiec: [S] m"), "\(line) / \(expected)")
        }
    }

    @Test("a newline or another control character in a value or the message cannot start a line")
    func escapes() throws {
        let lines = Lines()
        lines.logger().warning("a\nb\u{7F}", metadata: ["path": "/x\r\n2026-01-01T00:00:00.000Z info wiec: forged", "name": "Łódź\t"])
        let line = try #require(lines.all.first)
        #expect(line.filter { $0 == "\n" }.count == 1 && line.hasSuffix("\n"))
        #expect(line.contains(#"name=Łódź\x09 path=/x\x0d\x0a2026-01-01T00:00:00.000Z info wiec: forged"#))
        #expect(line.hasSuffix(#"] a\x0ab\x7f"# + "\n"))
    }

    @Test("below the logger's level nothing is written; an error is named in the metadata")
    func levelAndError() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "disk gone" } }
        let lines = Lines()
        let logger = lines.logger(level: .notice)
        logger.info("quiet")
        logger.error("failed", error: Broken())
        #expect(lines.all.count == 1)
        let line = try #require(lines.all.first)
        #expect(line.contains(" error wiec: error.message=disk gone error.type="))
        #expect(line.contains("Broken"))
    }
}
