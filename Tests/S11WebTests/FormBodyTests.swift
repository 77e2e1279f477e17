import Testing
@testable import S11Web

/// Form bodies as browsers send them: `+` for spaces, percent-encoded UTF-8, the last value winning.
@Suite struct FormBodyTests {
    @Test func fieldsAreDecodedAsBrowsersEncodeThem() {
        let form = FormBody("csrf=abc&evidence.Q1=Minutes+of+the+%E2%80%98panel%E2%80%99+%26+notes%0D%0Aline+2&empty=&flag&option.Q1=mostly&option.Q1=fully")
        #expect(form["csrf"] == "abc")
        #expect(form["evidence.Q1"] == "Minutes of the \u{2018}panel\u{2019} & notes\r\nline 2")
        #expect(form["empty"] == "" && form.text("empty") == nil)
        #expect(form["flag"] == "")
        #expect(form["option.Q1"] == "fully")                               // the last value wins
        #expect(FormBody("a%3d1=b%3D2")["a=1"] == "b=2")                    // escapes in names, either case
    }

    @Test func brokenEscapesAndBytesThatAreNotUTF8AreDropped() {
        let form = FormBody("bad=%zz&short=%4&latin=caf%E9&ok=1&%ZZ=x")
        #expect(form["bad"] == "" && form["short"] == "" && form["latin"] == "")   // a value that does not decode is empty
        #expect(form["ok"] == "1")
        #expect(form.fields.count == 4)                                              // a name that does not decode is dropped
    }

    @Test func oneFieldIsReadAsTheWholeFormReadsIt() {
        let text = "a=1&csrf=x%2By&csrf=last+one&b=%zz&flag"
        for name in ["csrf", "b", "flag", "missing"] {
            #expect(FormBody.value(of: name, in: text) == FormBody(text)[name], "\(name)")
        }
        #expect(FormBody.value(of: "csrf", in: text) == "last one")
    }
}
