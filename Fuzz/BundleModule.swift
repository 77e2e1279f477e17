// Outside SwiftPM there is no generated Bundle.module: the fuzz build of S11XML finds the shipped
// schemas in the checkout instead (Fuzz/run.sh sets S11_SCHEMAS to Sources/S11XML).
import Foundation

extension Bundle {
    static let module: Bundle = {
        guard let folder = ProcessInfo.processInfo.environment["S11_SCHEMAS"], let bundle = Bundle(path: folder) else {
            fatalError("set S11_SCHEMAS to the folder that holds Schemas/")
        }
        return bundle
    }()
}
