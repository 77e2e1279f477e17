// libFuzzer target: a staff survey export, fed whole and in chunks of sizes the input chooses,
// must give the same answer sets or the same problems (never a crash, never rows from a refused
// file). Built with S11Core's sources by Fuzz/run.sh.
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
    return 0
}
