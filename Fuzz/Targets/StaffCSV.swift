// libFuzzer target: a staff survey export, fed whole and in chunks of sizes the input chooses,
// must give the same answer sets or the same problems (never a crash, never rows from a refused
// file); and cut into parts where records start, read apart and taken back in order as the
// store's import does (StaffFileReading), the same answer sets as whole, and a file that reads
// cleanly whole is never refused in parts. Built with S11Core's sources by Fuzz/run.sh.
import S11Core

func importing(_ bytes: UnsafeRawBufferPointer, chunk: Int, reader: StaffSurveyCSVReader) -> String {
    var reading = StaffCSVImport(reader: reader, codebook: StaffCodebook(survey: staffSurvey, scales: staffScales), file: "fuzz.csv")
    var rows: [StaffCSVImport.Row] = []
    do {
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            try reading.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            rows += reading.takeRows()
            start = end
        }
        try reading.finish()
    } catch {
        return "stopped: \(error)"
    }
    rows += reading.takeRows()
    let problems = reading.problems
    if !problems.isEmpty { checkRefusal(problems) }
    return problems.isEmpty ? "\(rows) \(String(describing: reading.dateOrder))" : "refused: \(problems)"
}

/// The file cut at the chunks' last line feeds outside quotes, the header read by the import
/// itself and every later part by a copy of it, as the store's import reads a large file; nil
/// where the import would read the file again whole (a part, or the rest, with problems).
func importingInParts(_ bytes: UnsafeRawBufferPointer, chunk: Int, reader: StaffSurveyCSVReader) -> String? {
    var reading = StaffCSVImport(reader: reader, codebook: StaffCodebook(survey: staffSurvey, scales: staffScales), file: "fuzz.csv")
    var cutter = CSVRecordCutter()
    var rows: [StaffCSVImport.Row] = []
    var template: StaffCSVImport?
    var whole = false
    var carriedFrom = 0
    do {
        var start = 0
        while start < bytes.count {
            let chunkStart = start, end = min(bytes.count, start + chunk)
            let cut = cutter.cut(UnsafeRawBufferPointer(rebasing: bytes[chunkStart..<end]))
            start = end
            if whole {
                try reading.feed(UnsafeRawBufferPointer(rebasing: bytes[carriedFrom..<end]))
                rows += reading.takeRows()
                carriedFrom = end
                continue
            }
            guard let cut else {
                if end - carriedFrom > 4 * chunk {
                    // No line feed outside quotes for four reads: the rest is read whole.
                    whole = true
                    try reading.feed(UnsafeRawBufferPointer(rebasing: bytes[carriedFrom..<end]))
                    rows += reading.takeRows()
                    carriedFrom = end
                }
                continue
            }
            let partEnd = chunkStart + cut
            let part = UnsafeRawBufferPointer(rebasing: bytes[carriedFrom..<partEnd])
            carriedFrom = partEnd
            guard let template else {
                try reading.feed(part)
                rows += reading.takeRows()
                if reading.readsAnswers {
                    if !reading.problems.isEmpty { return nil }
                    template = reading.part()
                }
                continue
            }
            var apart = template.part()
            switch apart.readPart(part, last: false) {
            case .clean:
                reading.absorb(apart)
                rows += apart.takeRows()
            case .notBetweenRecords:
                whole = true
                try reading.feed(part)
                rows += reading.takeRows()
            case .problems:
                return nil
            }
        }
        let rest = UnsafeRawBufferPointer(rebasing: bytes[carriedFrom...])
        if let template, !whole {
            var apart = template.part()
            guard apart.readPart(rest, last: true) == .clean else { return nil }
            reading.absorb(apart)
            rows += apart.takeRows()
        } else {
            try reading.feed(rest)
        }
        try reading.finish()
    } catch {
        return nil
    }
    rows += reading.takeRows()
    return reading.problems.isEmpty ? "\(rows) \(String(describing: reading.dateOrder))" : nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStaffCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 1 else { return 0 }
    let chunk = 1 + Int(data[0]) % 64
    let order: DateOrder? = data[1] % 3 == 0 ? nil : (data[1] % 3 == 1 ? .dmy : .mdy)
    let reader = StaffSurveyCSVReader(survey: staffSurvey, scales: staffScales,
                                      mapping: ["Comments": "ignore", "SC03": "absent"], dateOrder: order)
    let bytes = UnsafeRawBufferPointer(start: data + 2, count: size - 2)
    let whole = importing(bytes, chunk: max(bytes.count, 1), reader: reader)
    let chunked = importing(bytes, chunk: chunk, reader: reader)
    if whole != chunked { fatalError("chunks of \(chunk) read differently:\n\(chunked)\nwhole:\n\(whole)") }
    if let parts = importingInParts(bytes, chunk: chunk, reader: reader) {
        if parts != whole { fatalError("parts cut at chunks of \(chunk) read differently:\n\(parts)\nwhole:\n\(whole)") }
    } else if !whole.hasPrefix("refused") && !whole.hasPrefix("stopped") {
        fatalError("a file that reads cleanly whole was refused in parts (chunks of \(chunk)):\n\(whole)")
    }
    return 0
}
