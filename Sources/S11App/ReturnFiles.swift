import Foundation
import S11Core
import S11Store
import S11XML
import ZIPFoundation

/// The returns in the files handed to an import (XML, CSV, or a ZIP holding them with the
/// documents they name), each with the folder its documents are named from: the return file's
/// own folder on disk, or its folder inside the ZIP. Nothing outside that folder can be named.
struct ReturnFiles {
    /// One return as read, and where the files it names are.
    struct Read {
        var officerReturn: OfficerReturn
        var folder: Folder
    }

    /// Where a return's documents are.
    enum Folder {
        /// The folder on disk the return file is in.
        case disk(URL)
        /// The folder inside a ZIP the return is in ("" at the top).
        case zip(URL, String)
    }

    var returns: [Read] = []

    /// Reads every return in `files`, or throws every problem found in them.
    init(_ files: [String], organisation: String, year: Int) throws {
        var problems: [Diagnostic] = []
        for file in files {
            do {
                if file.lowercased().hasSuffix(".zip") {
                    returns += try Self.readZip(file, organisation: organisation, year: year)
                } else {
                    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
                    returns += try Self.parse(InputFiles.data(file), file: file, organisation: organisation, year: year)
                        .map { Read(officerReturn: $0, folder: .disk(folder)) }
                }
            } catch let error as DiagnosticsError {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    /// The returns in one file: a CSV holds any number, an XML file one.
    private static func parse(_ data: Data, file: String, organisation: String, year: Int) throws(DiagnosticsError) -> [OfficerReturn] {
        if file.lowercased().hasSuffix(".csv") {
            return try ReturnCSVReader(organisation: organisation, year: year).returns(fromCSV: CSVText.utf8(data, file: file), file: file)
        }
        return [try ReturnXML().read(data: data, file: file)]
    }

    /// The returns in a ZIP: every .xml and .csv file in it, but those a return names as a document.
    private static func readZip(_ file: String, organisation: String, year: Int) throws(DiagnosticsError) -> [Read] {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1), "cannot read the file: no such file, or not allowed; check the path")])
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        } catch {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                                               "this is not a ZIP file s11 can read (\(error)); make it again with your system's Compress or zip")])
        }
        var found: [(entry: String, result: Result<[OfficerReturn], DiagnosticsError>)] = []
        for entry in archive where entry.type == .file && isReturnName(entry.path) {
            let shown = "\(file)/\(entry.path)"
            found.append((entry.path, Result { () throws(DiagnosticsError) in
                try parse(read(entry, of: archive, shownAs: shown), file: shown, organisation: organisation, year: year)
            }))
        }
        let named = Set(found.flatMap { item in
            ((try? item.result.get()) ?? []).flatMap { ret in ret.documents.map { zipPath($0.path, from: folder(of: item.entry)) } }
        })
        var reads: [Read] = [], problems: [Diagnostic] = []
        for item in found where !named.contains(item.entry) {
            switch item.result {
            case .success(let returns): reads += returns.map { Read(officerReturn: $0, folder: .zip(url, folder(of: item.entry))) }
            case .failure(let error): problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        if reads.isEmpty {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                                               "the ZIP holds no return (.xml or .csv); put the returns in it beside the documents they name")])
        }
        return reads
    }

    /// Whether a ZIP entry could be a return, leaving out what macOS adds to the ZIPs it makes.
    private static func isReturnName(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return !path.hasPrefix("__MACOSX/") && !name.hasPrefix("._") && [".xml", ".csv"].contains { path.lowercased().hasSuffix($0) }
    }

    /// A return file's bytes from the ZIP, refused past the most s11 reads of a return.
    private static func read(_ entry: Entry, of archive: Archive, shownAs shown: String) throws(DiagnosticsError) -> Data {
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                guard data.count <= XMLDocument.maximumBytes else { throw ReturnFileTooLarge() }
            }
        } catch is ReturnFileTooLarge {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: shown, line: 1, column: 1),
                                               "the file is larger than \(XMLDocument.maximumBytes) bytes, the most s11 reads of a return, so it was not read")])
        } catch {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: shown, line: 1, column: 1), "this file in the ZIP cannot be read (\(error)); make the ZIP again")])
        }
        return data
    }

    private struct ReturnFileTooLarge: Error {}

    /// The folder of a ZIP entry, with its closing "/" ("" at the top).
    static func folder(of entry: String) -> String {
        guard let slash = entry.lastIndex(of: "/") else { return "" }
        return String(entry[...slash])
    }

    /// The path inside the ZIP of a document named from `folder`.
    static func zipPath(_ path: String, from folder: String) -> String { folder + path }
}

extension ReturnFiles.Folder {
    /// Copies the document named `path` from this folder into `spool`, a chunk at a time; refused,
    /// saying why, when there is no such file, when it leads outside the folder, or when it is
    /// larger than the spool takes.
    func copy(_ path: String, into spool: DocumentSpool) throws {
        switch self {
        case .disk(let folder):
            let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
            let target = folder.appendingPathComponent(path).resolvingSymlinksInPath().standardizedFileURL
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), !isFolder.boolValue else {
                throw DocumentRefusal("there is no file '\(path)' beside the return (looked for \(target.path)); put the document there, or correct its name")
            }
            guard target.path.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
                throw DocumentRefusal("the document '\(path)' leads outside the return's folder (through a link); put the file itself in the folder")
            }
            let handle = try FileHandle(forReadingFrom: target)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: DocumentStore.chunkSize), !chunk.isEmpty {
                try chunk.withUnsafeBytes { try spool.append($0) }
            }
        case .zip(let url, let folder):
            let archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
            let inZip = ReturnFiles.zipPath(path, from: folder)
            guard let entry = archive[inZip] else {
                throw DocumentRefusal("the ZIP holds no file '\(inZip)'; put the document in it beside the return, or correct its name")
            }
            guard entry.type == .file else { throw DocumentRefusal("'\(inZip)' in the ZIP is a link or a folder, not a file; put the file itself in the ZIP") }
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in try chunk.withUnsafeBytes { try spool.append($0) } }
            } catch let refusal as DocumentRefusal {
                throw refusal
            } catch {
                throw DocumentRefusal("'\(inZip)' cannot be read from the ZIP (\(error)); make the ZIP again")
            }
        }
    }
}
