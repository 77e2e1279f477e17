// libFuzzer target: any bytes given to s11's XML loaders (a return, a board plan, a standards or
// survey file) are read or refused with located problems, at most 50 and a count, and never
// expand an entity or fetch anything. Built with S11Core's and S11XML's sources by Fuzz/run.sh.

import Foundation
import S11Core

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let which = data[0] % 3
    let bytes = Data(bytes: data + 1, count: size - 1)
    do throws(DiagnosticsError) {
        switch which {
        case 0: _ = try ReturnXML().read(data: bytes, file: "fuzz.xml")
        case 1: _ = try PlanXML().read(data: bytes, file: "fuzz.xml")
        default: _ = try ContentLoader.read(data: bytes, path: "fuzz.xml")
        }
    } catch {
        checkRefusal(error.diagnostics)
    }
    return 0
}
