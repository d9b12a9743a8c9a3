import ClinicContent
import Foundation
import Testing

/// `url.https`: every address is read the same way by a browser (WHATWG) and by RFC 3986.
@Suite("Web addresses as a browser reads them")
struct WebAddressRuleTests {
    @Test("a backslash before @ hides the real site of a social link: refused, once, with the reason")
    func backslashUserinfo() throws {
        let social = RealFile.social
        let (_, all) = try validateRealContent {
            $0[social]! += "  - network: facebook\n    url: https://evil.example\\@www.facebook.com/jasonthept\n"
        }
        #expect(all.map(\.summary) == ["\(social):15:10: error [url.https]"])
        #expect(all.first?.message.contains("backslash") == true, "\(all.first?.message ?? "")")
    }

    @Test(
        "addresses two readers could read differently are refused",
        arguments: [
            ("https://evil.example\\@www.facebook.com/x", "backslash"),
            ("https://www.facebook.com\\.evil.example/", "backslash"),
            ("https://user@www.facebook.com/x", "user name"),
            ("https://www.facebook.com@evil.example/x", "user name"),
            ("https://www.face\tbook.com/", "U+9"),
            ("https://www.facebook.com/ x", "a space"),
            (" https://www.facebook.com/", "a space"),
            ("https://www.facebook.com/\u{85}x", "U+85"),
            ("https:///www.facebook.com/", "host name"),
            ("https:www.facebook.com", "full https://"),
            ("http://www.facebook.com/", "full https://"),
            ("https://www.facebook%2ecom/", "host name"),
            ("https://0x7f.1/", "host name"),
            ("https://127.0.0.1/", "host name"),
            ("https://[::1]/", "host name"),
            ("https://www.facebook.com./", "host name"),
            ("https://www.facébook.com/", "host name"),
            ("https://www.facebook.com:80x/", "port"),
            ("https://localhost/", "host name"),
        ])
    func refused(address: String, reason: String) {
        #expect(WebAddress.host(address) == nil)
        #expect(WebAddress.problem(address)?.contains(reason) == true, "\(WebAddress.problem(address) ?? "accepted")")
    }

    @Test(
        "plain https addresses are accepted, with their host lower-cased",
        arguments: [
            ("https://www.facebook.com/jasonthept", "www.facebook.com"),
            ("HTTPS://WWW.Example.COM", "www.example.com"),
            ("https://x.com/jasonthept?ref=site#top", "x.com"),
            ("https://example.com:8443/a/b", "example.com"),
            ("https://www.tiktok.com/@jasonthept", "www.tiktok.com"),
        ])
    func accepted(address: String, host: String) {
        #expect(WebAddress.host(address) == host)
        #expect(WebAddress.problem(address) == nil)
    }

    @Test("the clinic's website is checked the same way")
    func website() throws {
        let clinic = RealFile.clinic
        let (_, all) = try validateRealContent {
            replace(&$0, clinic, "legalName: Jason The PT, LLC\n", "legalName: Jason The PT, LLC\nwebsite: https://jason@example.com/\n")
        }
        #expect(all.map(\.summary) == ["\(clinic):3:10: error [url.https]"])
    }
}
