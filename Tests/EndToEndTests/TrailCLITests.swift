import Foundation
import S11TestSupport
import Testing

/// `s11 trail` on the example council's year: every officer's answers as their return files gave
/// them, printed in words or as CSV, filtered, and a day that is not one refused.
@Suite struct TrailCLITests {
    @Test func theExamplesTrailPrintsFiltersAndGoesToCSV() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let all = try await s11.run(["trail", "--db", store])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("owen-price.xml  answer (owen.price@riverside.example, requirement Q4.1, rating): (none) -> \"partially\""))
        #expect(all.stdout.contains("return (owen.price@riverside.example, status): \"not started\" -> \"submitted\""))

        let owen = try await s11.run(["trail", "--db", store, "--officer", "owen.price@riverside.example", "--requirement", "Q4.1", "--csv"])
        let rows = owen.stdout.split(separator: "\r\n")
        #expect(rows.first == "at,who,what,officer,requirement,field,old,new")
        #expect(rows.count > 1 && rows.dropFirst().allSatisfy { $0.contains(",owen.price@riverside.example,Q4.1,") })

        let none = try await s11.run(["trail", "--db", store, "--from", "2099-01-01"])
        #expect(none.status == 0 && none.stdout.contains("no change to Riverside District Council's 2026 audit is in the trail that the options select"))
        let bad = try await s11.run(["trail", "--db", store, "--to", "31/03/2027"])
        #expect(bad.status != 0 && bad.stderr.contains("--to '31/03/2027' is not a date; write YYYY-MM-DD"), "\(bad.stderr)")
    }

    /// `s11 evidence export` writes the bundle (here, of a year with no documents: its index alone)
    /// and will not overwrite a file.
    @Test func theEvidenceBundleIsWrittenAndNothingIsOverwritten() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let written = try await s11.run(["evidence", "export", "--db", store])
        #expect(written.status == 0 && written.stdout.contains("wrote evidence-riverside-district-council-2026.zip: 0 documents"), "\(written.stderr)")
        let zip = s11.folder.appendingPathComponent("evidence-riverside-district-council-2026.zip")
        #expect(try await runTool("/usr/bin/env", ["python3", "-c", "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).namelist())", zip.path])
            .output.contains("['index.csv']"))
        let again = try await s11.run(["evidence", "export", "--db", store])
        #expect(again.status != 0 && again.stderr.contains("exists already; name another file with --out"), "\(again.stderr)")
    }
}
