// libFuzzer target: the CSV importers read whole (officers, returns, a staff mapping file, and
// the UTF-8 check in front of them): any bytes are read or refused with located problems.
// Built with S11Core's sources by Fuzz/run.sh.
import Foundation
import S11Core

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTableCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let which = data[0] % 3
    let bytes = Data(bytes: data + 1, count: size - 1)
    do throws(DiagnosticsError) {
        let text = try CSVText.utf8(bytes, file: "fuzz.csv")
        switch which {
        case 0: _ = try OfficerListReader(survey: officerSurvey).officers(fromCSV: text, file: "fuzz.csv")
        case 1: _ = try ReturnCSVReader(organisation: "Riverside", year: 2026).returns(fromCSV: text, file: "fuzz.csv")
        default: _ = try StaffSurveyCSVReader.mapping(fromCSV: text, file: "fuzz.csv", survey: staffSurvey)
        }
    } catch {
        checkRefusal(error.diagnostics)
    }
    return 0
}
