import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// `google-business-profile.json` checked against Google's own discovery
/// document for the Business Information API (shipped in PyPI's
/// google-api-python-client), by a schema walker written here.
@Suite struct GoogleListingWitnessTests {
    /// Walks a value against the discovery document's `schemas`: `$ref`, `type`
    /// (string, integer, number, boolean, array, object), `enum`, `properties`
    /// (no unknown field), `items`, `additionalProperties`. Also checks that each
    /// path of `updateMask` is a field of `Location`, and each special period keeps the limits
    /// the document's `SpecialHourPeriod` description states: shorter than 24 hours, `endDate`
    /// at most a day after `startDate`, closing by 11:59 the day after.
    static let discoveryChecks = """
        import json, os, sys
        import googleapiclient
        path = os.path.join(os.path.dirname(googleapiclient.__file__), "discovery_cache", "documents",
                            "mybusinessbusinessinformation.v1.json")
        schemas = json.load(open(path))["schemas"]
        bad = []
        def walk(value, schema, where):
            if "$ref" in schema:
                return walk(value, schemas[schema["$ref"]], where)
            kind = schema.get("type")
            if kind == "object":
                if not isinstance(value, dict):
                    return bad.append(f"{where}: not an object")
                props = schema.get("properties", {})
                for key, item in value.items():
                    if key in props:
                        walk(item, props[key], f"{where}.{key}")
                    elif "additionalProperties" in schema:
                        walk(item, schema["additionalProperties"], f"{where}.{key}")
                    else:
                        bad.append(f"{where}.{key}: unknown field")
            elif kind == "array":
                if not isinstance(value, list):
                    return bad.append(f"{where}: not an array")
                for i, item in enumerate(value):
                    walk(item, schema["items"], f"{where}[{i}]")
            elif kind == "string":
                if not isinstance(value, str):
                    return bad.append(f"{where}: not a string")
                if "enum" in schema and value not in schema["enum"]:
                    bad.append(f"{where}: {value!r} is not one of {schema['enum']}")
            elif kind == "integer":
                if isinstance(value, bool) or not isinstance(value, int):
                    bad.append(f"{where}: not an integer")
                elif schema.get("format") == "int32" and not -2**31 <= value < 2**31:
                    bad.append(f"{where}: out of int32")
            elif kind == "number":
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    bad.append(f"{where}: not a number")
            elif kind == "boolean":
                if not isinstance(value, bool):
                    bad.append(f"{where}: not a boolean")
            else:
                bad.append(f"{where}: schema without a type the walker knows ({kind})")
        import datetime
        def special_limits(period, where):
            if period.get("closed"):
                return
            start = datetime.date(**period["startDate"])
            end = datetime.date(**period.get("endDate", period["startDate"]))
            minutes = lambda t: t.get("hours", 0) * 60 + t.get("minutes", 0)
            opens = datetime.datetime.combine(start, datetime.time()) + datetime.timedelta(minutes=minutes(period["openTime"]))
            closes = datetime.datetime.combine(end, datetime.time()) + datetime.timedelta(minutes=minutes(period["closeTime"]))
            if not (end - start).days in (0, 1):
                bad.append(f"{where}: endDate more than a day after startDate")
            if not datetime.timedelta(0) < closes - opens < datetime.timedelta(hours=24):
                bad.append(f"{where}: not a period of less than 24 hours")
            if closes > datetime.datetime.combine(start + datetime.timedelta(days=1), datetime.time(11, 59)):
                bad.append(f"{where}: closes after 11:59 the next day")
        """

    static let walker =
        discoveryChecks + "\n" + """
            for file in sys.argv[1:]:
                body = json.load(open(file))
                for i, period in enumerate(body["location"].get("specialHours", {}).get("specialHourPeriods", [])):
                    special_limits(period, f"{file}:specialHourPeriods[{i}]")
                if set(body) != {"updateMask", "location"}:
                    bad.append(f"{file}: keys {sorted(body)}")
                walk(body["location"], {"$ref": "Location"}, file + ":location")
                for field in body["updateMask"].split(","):
                    schema = schemas["Location"]
                    for part in field.split("."):
                        props = schema.get("properties", {})
                        if part not in props:
                            bad.append(f"{file}: updateMask {field} is not a Location field")
                            break
                        schema = props[part]
                        schema = schemas[schema["$ref"]] if "$ref" in schema else schema
                for top in body["location"]:
                    if not any(f == top or f.startswith(top + ".") for f in body["updateMask"].split(",")):
                        bad.append(f"{file}: {top} is sent but not in updateMask")
            print("\\n".join(bad) if bad else "ok")
            sys.exit(1 if bad else 0)
            """

    func walk(_ bodies: [String]) throws -> RunResult {
        try withTemporaryDirectory { dir in
            let paths = try bodies.enumerated().map { index, body -> String in
                let file = dir.appendingPathComponent("body-\(index).json")
                try Data(body.utf8).write(to: file)
                return file.path
            }
            return try python(Self.walker, paths)
        }
    }

    @Test(arguments: ["seed", "rich", "night"]) func bodiesValidateAgainstTheDiscoveryDocument(_ which: String) throws {
        let content = which == "seed" ? try realContent() : which == "rich" ? richContent() : OpeningHoursWitnessTests.nightContent()
        let bodies = try content.locations.map { try listingFile(content, $0.id, .google) }
        let result = try walk(bodies)
        #expect(result.status == 0 && result.output.contains("ok"), "\(result.output)")
    }

    /// The walker can say no: an unknown field, a wrong enum and a string for an integer.
    @Test func walkerRefusesWhatGoogleWouldNot() throws {
        let body = """
            {"updateMask": "regularHours", "location": {"regularHours": {"periods": [
              {"openDay": "MON", "openTime": {"hours": "7"}, "closeDay": "MONDAY", "closeTime": {"hours": 19}, "note": "x"}]}}}
            """
        let result = try walk([body])
        #expect(result.status == 1)
        #expect(result.output.contains("openDay: 'MON' is not one of"), "\(result.output)")
        #expect(result.output.contains("openTime.hours: not an integer"), "\(result.output)")
        #expect(result.output.contains("note: unknown field"), "\(result.output)")
        let whole = """
            {"updateMask": "specialHours", "location": {"specialHours": {"specialHourPeriods": [
              {"startDate": {"year": 2026, "month": 12, "day": 24}, "openTime": {"hours": 0}, "closeTime": {"hours": 24}},
              {"startDate": {"year": 2026, "month": 12, "day": 31}, "endDate": {"year": 2027, "month": 1, "day": 1},
               "openTime": {"hours": 20}, "closeTime": {"hours": 12}}]}}}
            """
        let limits = try walk([whole])
        #expect(limits.output.contains("specialHourPeriods[0]: not a period of less than 24 hours"), "\(limits.output)")
        #expect(limits.output.contains("specialHourPeriods[1]: closes after 11:59 the next day"), "\(limits.output)")
    }

    /// The periods say the week: each weekly range is one period, an overnight one
    /// closing the next day; the appointment Saturday is left out.
    @Test func periodsEqualTheWeekAndSpecialHours() throws {
        let content = OpeningHoursWitnessTests.nightContent()
        let body = try parseJSON(Data(try listingFile(content, "the-loop", .google).utf8))
        let location = try #require(body["location"] as? [String: Any])
        let periods = try #require((location["regularHours"] as? [String: Any])?["periods"] as? [[String: Any]])
        func text(_ period: [String: Any]) -> String {
            let time = { (key: String) -> String in
                let t = period[key] as! [String: Int]
                return String(format: "%02d:%02d", t["hours"]!, t["minutes"]!)
            }
            return "\(period["openDay"]!) \(time("openTime"))-\(period["closeDay"]!) \(time("closeTime"))"
        }
        let days = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"].map { "\($0) 07:00-\($0) 19:00" }
        #expect(periods.map(text) == days + ["FRIDAY 07:00-FRIDAY 15:00", "FRIDAY 21:00-SATURDAY 02:00"])
        let special = try #require((location["specialHours"] as? [String: Any])?["specialHourPeriods"] as? [[String: Any]])
        let dates = special.map { period -> String in
            let d = period["startDate"] as! [String: Int]
            return String(format: "%04d-%02d-%02d", d["year"]!, d["month"]!, d["day"]!)
                + ((period["closed"] as? Bool) == true ? " closed" : "")
        }
        #expect(
            dates == [
                "2026-11-01", "2026-12-18 closed", "2026-12-24 closed", "2026-12-25 closed", "2026-12-26 closed", "2026-12-31",
                "2026-12-31", "2027-03-12 closed", "2027-03-14",
            ])
        let overnight = special[6]
        #expect((overnight["endDate"] as? [String: Int]) == ["year": 2027, "month": 1, "day": 1])
        #expect((overnight["closeTime"] as? [String: Int]) == ["hours": 2, "minutes": 0])
        #expect((location["openInfo"] as? [String: String]) == ["status": "OPEN"])
    }
}
