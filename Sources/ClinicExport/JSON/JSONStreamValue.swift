/// A JSON document that is made while it is written: an array's elements
/// are produced one at a time, when the writer reaches them, so that only
/// one FAQ entry's value exists at once instead of the whole document's tree.
///
/// Written by `JSONWriter` to exactly the bytes of `materialized`.
public indirect enum JSONStreamValue {
    /// A value made up front.
    case value(JSONValue)
    /// Members in output order; keys are unique.
    case object([(String, JSONStreamValue)])
    /// `count` elements, the one at each index made by `element` when it is written.
    case array(count: Int, element: (Int) -> JSONStreamValue)

    /// `count` elements made from `items` by `make`, when written.
    public static func array<Item>(_ items: [Item], _ make: @escaping (Item) -> JSONStreamValue) -> JSONStreamValue {
        .array(count: items.count) { make(items[$0]) }
    }

    /// The whole document as one value (what the stream writes), for tests and small documents.
    public var materialized: JSONValue {
        switch self {
        case .value(let value): value
        case .object(let members): .object(members.map { ($0.0, $0.1.materialized) })
        case .array(let count, let element): .array((0..<count).map { element($0).materialized })
        }
    }
}
