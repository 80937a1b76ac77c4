import Foundation

/// Unpacks the regular files of a ustar archive, as `tar -x` would.
enum Untar {
    /// Writes each file of the archive under `folder`.
    ///
    /// - Returns: The folder.
    static func extract(_ archive: Data, into folder: URL) throws -> URL {
        let bytes = [UInt8](archive)
        var offset = 0
        while offset + 512 <= bytes.count, bytes[offset] != 0 {
            let header = bytes[offset..<offset + 512]
            let name = String(decoding: header.prefix(100).prefix { $0 != 0 }, as: UTF8.self)
            let sizeText = String(decoding: header.dropFirst(124).prefix(12).prefix { $0 != 0 && $0 != 0x20 }, as: UTF8.self)
            let size = Int(sizeText, radix: 8) ?? 0
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes[offset + 512..<offset + 512 + size]).write(to: file)
            offset += 512 + (size + 511) / 512 * 512
        }
        return folder
    }
}
