import Export
import Testing

@testable import TAXIIServer

/// The inbox below HTTP: how an envelope is read and judged, and how each store keeps what it accepts.
struct InboxEnvelopeTests {
    private func envelope(_ text: String) throws(TAXIIError) -> InboxEnvelope { try InboxEnvelope(Array(text.utf8)) }

    @Test(arguments: [
        ("{", 400), ("", 400), ("{\"objects\": [1,]}", 400), ("{\"a\": 1, \"a\": 2}", 400),
        ("[]", 422), ("\"objects\"", 422), ("{}", 422), ("{\"objects\": null}", 422), ("{\"objects\": []}", 422),
        ("{\"objects\": [{}], \"more\": false, \"bundle\": 1}", 422),
    ])
    func notAnEnvelopeIsRefusedWhole(text: String, status: Int) throws {
        do {
            _ = try envelope(text)
            Issue.record("accepted: \(text)")
        } catch { #expect(error.title == (status == 400 ? "Bad request" : "Unprocessable content"), "\(text)") }
    }

    /// Each object is judged alone: a good one passes whatever its spacing or key order, and a non-object, a
    /// bundle, an object without an id or a STIX 2.0 object is refused with its position.
    @Test func eachObjectIsJudgedAlone() throws {
        let entries = try envelope(
            """
            {"objects": [\(Submission.indicator(1)), 7, {"type": "bundle", "id": "bundle--8e2e2d2b-17d4-4cbf-938f-000000000001"},
            {"type": "indicator", "spec_version": "2.1"}, {"type": "indicator", "spec_version": "2.0", "id": "\(Submission.id(2))"}],
             "more": false}
            """
        ).entries
        #expect(entries.count == 5)
        guard case .acceptable(let type, let bytes) = entries[0].verdict else {
            Issue.record("\(entries[0].verdict)")
            return
        }
        #expect(type == "indicator" && entries[0].id == Submission.id(1) && entries[0].version == "2024-01-01T00:00:00.000Z")
        #expect(bytes.first == UInt8(ascii: "{") && !bytes.contains(UInt8(ascii: "\n")), "canonical compact JSON")
        for (index, entry) in entries.enumerated().dropFirst() {
            guard case .refused(let reason) = entry.verdict else {
                Issue.record("object \(index + 1) was accepted")
                continue
            }
            #expect(reason.hasPrefix("object \(index + 1)"), "\(reason)")
        }
    }

    /// An SCO has no `modified` or `created`: sent twice, it is stored once, and both statuses give it the same
    /// version (when it was first stored), so the second is an exact duplicate.
    @Test(arguments: StoreKind.allCases) func anUnversionedObjectSentTwiceIsStoredOnce(kind: StoreKind) async throws {
        let database = try await TestDatabase.make(kind)
        defer { withExtendedLifetime(database) {} }  // its folder holds the SQLite file
        let store = try await database.open()
        let sco = #"{"objects": [{"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--8e2e2d2b-17d4-5cbf-938f-000000000003", "value": "198.51.100.3"}]}"#
        let first = try await store.submit(envelope(sco), partner: "jp", statusID: "s1", receivedAt: "2026-01-01T00:00:00.000000Z")
        let second = try await store.submit(envelope(sco), partner: "jp", statusID: "s2", receivedAt: "2026-01-02T00:00:00.000000Z")
        #expect(first.isStored && first.status.successes.first?.message == "stored", "\(first.status.failures)")
        #expect(second.status.successes.first?.message == "already stored: an exact duplicate")
        #expect(first.status.successes.first?.version == "2026-01-01T00:00:00.000000Z")
        #expect(second.status.successes.first?.version == "2026-01-01T00:00:00.000000Z")
        #expect(try await store.counts() == (2, 1))
    }

    /// The same object twice in one envelope is stored once; a changed copy in the same envelope fails.
    @Test(arguments: StoreKind.allCases) func repeatsInOneEnvelopeAreJudgedAgainstEachOther(kind: StoreKind) async throws {
        let database = try await TestDatabase.make(kind)
        defer { withExtendedLifetime(database) {} }  // its folder holds the SQLite file
        let store = try await database.open()
        let body = Submission.envelope([
            Submission.indicator(1), Submission.indicator(1), Submission.indicator(1, name: "changed"),
        ])
        let result = try await store.submit(
            try InboxEnvelope(body), partner: "jp", statusID: "s1", receivedAt: "2026-01-01T00:00:00.000000Z")
        #expect(result.status.successes.map(\.message) == ["stored", "already stored: an exact duplicate"])
        #expect(result.status.failures.count == 1)
        #expect(try await store.counts() == (1, 1))
    }
}
