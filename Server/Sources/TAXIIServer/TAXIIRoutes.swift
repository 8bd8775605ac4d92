public import Export
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The endpoints of TAXII 2.1 under one API root: reads answer from the requesting partner's own collections
/// only; writes go to the inbox (``InboxCollection``).
struct TAXIIRoutes: Sendable {
    /// The API root's path segment: `/reports/`.
    static let apiRoot = "reports"

    let catalog: Catalog
    let store: any ServerStore
    let logger: Logger
    let title: String
    let maxPageSize: Int
    let maxContentLength: Int

    func register(on router: Router<TAXIIRequestContext>) {
        let root = Self.apiRoot
        let objectsPath = "\(root)/collections/:collection/objects"
        // A report's collection is read-only: POST and DELETE are 403 on one the partner may read, 404 on any other.
        // The inbox takes POST only (DELETE there is 403: it cannot be read).
        let readOnly: @Sendable (Request, TAXIIRequestContext) throws -> Response = { _, context in
            _ = try collection(context)
            throw TAXIIError.forbidden("this collection is read-only (can_write is false)")
        }
        let post: @Sendable (Request, TAXIIRequestContext) async throws -> Response = { request, context in
            guard isInbox(context) else { return try readOnly(request, context) }
            return try await submit(request, context)
        }
        router.get("taxii2") { _, _ in discovery() }
        router.get("\(root)") { _, _ in apiRootInformation() }
        router.get("\(root)/status/:status") { _, context in try await status(context) }
        router.get("\(root)/collections") { _, context in try collections(context) }
        router.get("\(root)/collections/:collection") { _, context in try collectionResource(context) }
        router.get(RouterPath(objectsPath)) { request, context in try objects(request, context, manifest: false) }
        router.post(RouterPath(objectsPath), use: post)
        router.get("\(root)/collections/:collection/manifest") { request, context in
            try objects(request, context, manifest: true)
        }
        router.get("\(objectsPath)/:object") { request, context in try object(request, context, versionsOnly: false) }
        router.delete("\(objectsPath)/:object", use: readOnly)
        router.get("\(objectsPath)/:object/versions") { request, context in
            try object(request, context, versionsOnly: true)
        }
    }

    private func json(_ value: JSONValue, headers: [(String, String)] = []) -> Response {
        var fields = HTTPFields()
        for (name, value) in headers { if let name = HTTPField.Name(name) { fields[name] = value } }
        return TAXIIMediaType.response(status: .ok, body: CanonicalJSON.bytes(value, indent: nil), headers: fields)
    }

    private func discovery() -> Response {
        json(.object([
            "title": .string(title),
            "description": "Each partner reads only what the sharing policy releases to it.",
            "default": .string("/\(Self.apiRoot)/"),
            "api_roots": .array([.string("/\(Self.apiRoot)/")]),
        ]))
    }

    private func apiRootInformation() -> Response {
        json(.object([
            "title": "Reports",
            "versions": .array([.string(TAXIIMediaType.contentType)]),
            "max_content_length": .int(maxContentLength),
        ]))
    }

    private func resource(_ collection: ServedCollection) -> JSONValue {
        .object([
            "id": .string(collection.id), "title": .string(collection.title), "can_read": .bool(true),
            "can_write": .bool(false), "media_types": .array([.string(TAXIIMediaType.stix)]),
        ])
    }

    /// The partner's collections, then the inbox (last, so that a client taking the first collection reads).
    private func collections(_ context: TAXIIRequestContext) throws -> Response {
        let mine = catalog.collections(for: context.partner ?? "")
        return json(.object(["collections": .array(mine.map(resource) + [InboxCollection.resource])]))
    }

    private func isInbox(_ context: TAXIIRequestContext) -> Bool {
        context.parameters.get("collection")?.lowercased() == InboxCollection.id
    }

    /// A collection the partner may read; 403 for the inbox (listed, but `can_read` is false), 404 for the rest.
    private func collection(_ context: TAXIIRequestContext) throws -> ServedCollection {
        let id = context.parameters.get("collection") ?? ""
        if isInbox(context) { throw TAXIIError.forbidden("the inbox is write-only (can_read is false)") }
        guard let collection = catalog.collection(id, for: context.partner ?? "") else {
            throw TAXIIError.notFound("no such collection")
        }
        return collection
    }

    private func collectionResource(_ context: TAXIIRequestContext) throws -> Response {
        isInbox(context) ? json(InboxCollection.resource) : json(resource(try collection(context)))
    }

    /// Objects or manifest: the envelope splices each object's canonical bytes in as they are.
    private func objects(_ request: Request, _ context: TAXIIRequestContext, manifest: Bool) throws -> Response {
        let collection = try collection(context)
        let query = try ObjectQuery(request.uri.query)
        let page = Page(collection, query: query, maxPageSize: maxPageSize, candidates: collection.candidates(for: query))
        return manifest ? manifestResponse(page) : envelope(page)
    }

    private func object(_ request: Request, _ context: TAXIIRequestContext, versionsOnly: Bool) throws -> Response {
        let collection = try collection(context)
        let id = context.parameters.get("object") ?? ""
        guard let positions = collection.positions[id] else { throw TAXIIError.notFound("no such object") }
        var query = try ObjectQuery(request.uri.query)
        query.ids = [id]
        query.types = nil
        if versionsOnly { query.versions = nil }
        let page = Page(collection, query: query, maxPageSize: maxPageSize, candidates: [positions])
        guard versionsOnly else { return envelope(page) }
        guard !page.objects.isEmpty else { return json(.object([:])) }
        var body: [String: JSONValue] = ["versions": .array(page.objects.map { .string($0.version) }), "more": .bool(page.hasMore)]
        if let next = page.next { body["next"] = .string(next) }
        return json(.object(body), headers: page.dateHeaders)
    }

    private func envelope(_ page: Page) -> Response {
        guard !page.objects.isEmpty else { return json(.object([:])) }
        // Straight into the response's buffer, sized first: each object's bytes are copied once (growing an array
        // and then copying it into a buffer showed up in perf at 1,000,000 objects).
        var body = ByteBufferAllocator().buffer(capacity: page.objects.reduce(96) { $0 + $1.bytes.count + 1 })
        body.writeString("{\"more\":\(page.hasMore),")
        if let next = page.next { body.writeString("\"next\":\"\(next)\",") }
        body.writeString("\"objects\":[")
        for (index, object) in page.objects.enumerated() {
            if index > 0 { body.writeInteger(UInt8(ascii: ",")) }
            body.writeBytes(object.bytes)
        }
        body.writeString("]}\n")
        var fields = HTTPFields()
        for (name, value) in page.dateHeaders { if let name = HTTPField.Name(name) { fields[name] = value } }
        return TAXIIMediaType.response(status: .ok, buffer: body, headers: fields)
    }

    private func manifestResponse(_ page: Page) -> Response {
        guard !page.objects.isEmpty else { return json(.object([:])) }
        let entries: [JSONValue] = page.objects.map {
            .object([
                "id": .string($0.id), "date_added": .string($0.dateAdded.description), "version": .string($0.version),
                "media_type": .string(TAXIIMediaType.stix),
            ])
        }
        var body: [String: JSONValue] = ["objects": .array(entries), "more": .bool(page.hasMore)]
        if let next = page.next { body["next"] = .string(next) }
        return json(.object(body), headers: page.dateHeaders)
    }
}
