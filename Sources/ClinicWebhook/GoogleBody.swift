import Foundation

/// A bundle's google-business-profile.json split into what a `locations.patch` sends:
/// the `updateMask` (query) and the `location` (body, re-encoded with sorted keys).
struct GoogleBody {
    let mask: String
    let location: Data
    /// How many weekly and special periods the body holds, for the line that says what was sent.
    let periods: Int
    let special: Int

    init(_ data: Data) throws {
        guard case .object(let document) = try JSONDecoder().decode(JSONValue.self, from: data),
            case .string(let mask) = document["updateMask"], !mask.isEmpty,
            case .object(let location) = document["location"]
        else { throw GoogleBodyError() }
        self.mask = mask
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.location = try encoder.encode(JSONValue.object(location))
        periods = location["regularHours"]?["periods"]?.count ?? 0
        special = location["specialHours"]?["specialHourPeriods"]?.count ?? 0
    }
}

struct GoogleBodyError: Error, LocalizedError {
    var errorDescription: String? { "not a locations.patch body: {\"updateMask\": \"…\", \"location\": {…}} expected" }
}

/// Any JSON value, so the body goes out as it was written (numbers, booleans and nulls kept).
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let bool = try? value.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? value.decode(Int.self) {
            self = .integer(integer)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else if let string = try? value.decode(String.self) {
            self = .string(string)
        } else if let array = try? value.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try value.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var value = encoder.singleValueContainer()
        switch self {
        case .null: try value.encodeNil()
        case .bool(let bool): try value.encode(bool)
        case .integer(let integer): try value.encode(integer)
        case .number(let number): try value.encode(number)
        case .string(let string): try value.encode(string)
        case .array(let array): try value.encode(array)
        case .object(let object): try value.encode(object)
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The number of elements of an array, nil for anything else.
    var count: Int? {
        if case .array(let array) = self { return array.count }
        return nil
    }
}
