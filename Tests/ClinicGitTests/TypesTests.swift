import ClinicGit
import Foundation
import Testing

@Suite("Value types, trailers and errors")
struct TypesTests {
    let hex = "0123456789abcdef0123456789abcdef01234567"

    @Test func objectIDAcceptsOnlyFortyHexDigits() throws {
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex)
        #expect(id.short == "0123456")
        #expect(id.description == hex)
        #expect(ObjectID(hex: hex.uppercased()) == id)
        #expect(ObjectID(hex: String(hex.dropLast())) == nil)
        #expect(ObjectID(hex: hex + "0") == nil)
        #expect(ObjectID(hex: "g" + hex.dropFirst()) == nil)
        #expect(ObjectID(hex: "") == nil)
    }

    @Test func objectIDOrdersAndEncodesAsItsHex() throws {
        let low = try #require(ObjectID(hex: String(repeating: "0", count: 40)))
        let high = try #require(ObjectID(hex: hex))
        #expect(low < high)
        let json = try JSONEncoder().encode([high])
        #expect(json.text == "[\"\(hex)\"]")
        #expect(try JSONDecoder().decode([ObjectID].self, from: json) == [high])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ObjectID].self, from: Data("[\"abc\"]".utf8))
        }
    }

    @Test func parsesTrailersLikeGitInterpretTrailers() throws {
        let message = """
            Update Saturday hours

            The clinic now opens at 9.

            Draft-Id: holiday-hours
            Approved-by: Bob Reviewer <bob@clinic.example>

            """
        let trailers = Trailers.parse(message)
        #expect(
            trailers == [
                CommitInfo.Trailer(key: "Draft-Id", value: "holiday-hours"),
                CommitInfo.Trailer(key: "Approved-by", value: "Bob Reviewer <bob@clinic.example>"),
            ])
        try withScratch { scratch in
            let witness = try git("interpret-trailers", "--parse", in: scratch, input: message)
            #expect(witness == trailers.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))
        }
        #expect(Trailers.parse("Just a summary\n\nNo trailers here.\n").isEmpty)
    }

    @Test func commitSummaryIsTheFirstLine() throws {
        let id = try #require(ObjectID(hex: hex))
        let info = CommitInfo(
            id: id, tree: id, parents: [], author: alice, committer: bob,
            message: "Fix phone number  \nBody\n\nDraft-Id: 7\n")
        #expect(info.summary == "Fix phone number")
        #expect(info.trailers == [CommitInfo.Trailer(key: "Draft-Id", value: "7")])
    }

    @Test func errorDescribesOperationAndMessage() {
        let error = GitError(code: .modified, operation: "move reference refs/heads/x", message: "it moved")
        #expect(error.description == "move reference refs/heads/x: it moved")
        #expect(error.errorDescription == error.description)
        #expect(error.localizedDescription == error.description)
        #expect(error != GitError(code: .locked, operation: error.operation, message: error.message))
    }
}
