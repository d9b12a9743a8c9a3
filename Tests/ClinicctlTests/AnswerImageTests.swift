import Foundation
import Testing

/// Issue 15, item 11: an answer cannot carry a tracking pixel onto the clinic's page.
@Suite("answers embed no images")
struct AnswerImageTests {
    @Test("faq add with a remote image in the answer is refused with faq.answer.image, and nothing is written")
    func remoteImageRefused() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let run = try box.clinicctl([
            "faq", "add", "--question", "Do you take walk-ins?", "--answer", "Yes. ![](https://tracker.example/pixel.gif?who=patient)",
        ])
        #expect(run.status == 1, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("[faq.answer.image]"), "\(run.stderr)")
        #expect(try box.snapshot() == before)
        let linked = try box.clinicctl([
            "faq", "add", "--question", "Do you take walk-ins?", "--answer", "Yes: see [our map](https://clinic.example/map.png).",
        ])
        #expect(linked.status == 0, "\(linked.stderr)")
    }
}
