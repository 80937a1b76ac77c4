import Foundation

/// A POSIX ustar archive of a folder's regular files, so that a bundle folder travels as one
/// HTTP response and unpacks with `tar -x`.
enum TarArchive {
    /// The archive of every regular file under `folder`, paths relative to it, sorted.
    ///
    /// - Throws: when a file cannot be read or a path is longer than ustar allows (100 bytes).
    static func archive(folder: URL) throws -> Data {
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(atPath: base) {
            for case let path as String in walker {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                    paths.append(path)
                }
            }
        }
        var out = Data()
        for path in paths.sorted() {
            let contents = try Data(contentsOf: URL(fileURLWithPath: base + "/" + path))
            out.append(try header(path: path, size: contents.count))
            out.append(contents)
            out.append(Data(count: (512 - contents.count % 512) % 512))
        }
        out.append(Data(count: 1024))
        return out
    }

    /// The 512-byte ustar header of a regular file (mode 0644, owner 0, time 0).
    private static func header(path: String, size: Int) throws -> Data {
        let name = Array(path.utf8)
        guard name.count <= 100 else { throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path]) }
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int) {
            for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            Array(String(value, radix: 8).leftPadded(to: width - 1).utf8) + [0]
        }
        put(name, at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(Array("        ".utf8), at: 148)
        block[156] = UInt8(ascii: "0")
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(Array(String(checksum, radix: 8).leftPadded(to: 6).utf8) + [0, 0x20], at: 148)
        return Data(block)
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
