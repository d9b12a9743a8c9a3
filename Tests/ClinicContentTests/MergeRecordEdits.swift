import ClinicContent
import Foundation

/// Edits of a location's fields and of the clinic's settings.
extension MergeEditor {
    mutating func locationEdit(_ c: SiteContent) -> MergeEdit? {
        guard let id = pick(c.locations)?.id, let (field, edit) = pick(locationFieldEdits()) else { return nil }
        return MergeEdit(name: "location \(field) \(id)", claims: ["location/\(id)/\(field)"]) { $0.editLocation(id, edit) }
    }

    mutating func locationFieldEdits() -> [(String, (inout Location) -> Void)] {
        let (n, text) = (number(), "Place \(number())")
        let status = pick(Location.Status.allCases)!
        let phone = PhoneNumber(e164: "+1773555\(1000 + n % 9000)", display: chance() ? "773-555-\(1000 + n % 9000)" : nil)
        let coordinates = Coordinates(latitude: 42 + Double(n % 1000) / 1000, longitude: -87.5 - Double(n % 500) / 1000)
        return [
            ("city", { $0.address.city = text }), ("zip", { $0.address.zip = "6\(text.suffix(4))" }),
            ("street", { $0.address.street.append("Suite \(text.suffix(3))") }), ("status", { $0.status = status }),
            ("label/en", { $0.label.set(text, locale: "en") }), ("label/es", { $0.label.set(text, locale: "es") }),
            ("phone", { $0.phone = phone }), ("coordinates", { $0.coordinates = coordinates }),
        ]
    }

    mutating func clinicEdit() -> MergeEdit? {
        guard let (field, edit) = pick(clinicFieldEdits()) else { return nil }
        return MergeEdit(name: "clinic \(field)", claims: ["clinic/\(field)"]) { edit(&$0.clinic) }
    }

    mutating func clinicFieldEdits() -> [(String, (inout Clinic) -> Void)] {
        let n = number()
        let zone = pick(["America/New_York", "America/Denver", "America/Los_Angeles"])!
        let capabilities: [PhoneNumber.Capability] = chance() ? [.voice] : [.sms]
        let types = pick([["Physiotherapy"], ["MedicalClinic", "Physiotherapy"], ["Physiotherapy", "MedicalBusiness"]])!
        return [
            ("email", { $0.email = "office\(n)@clinic.example" }), ("website", { $0.website = "https://clinic\(n).example" }),
            ("display", { $0.phone.display = "773-999-\(9000 + n % 1000)" }), ("name/es", { $0.name.set("Clínica \(n)", locale: "es") }),
            ("legalName", { $0.legalName = "Jason The PT \(n), LLC" }), ("timeZone", { $0.timeZone = zone }),
            ("capabilities", { $0.phone.capabilities = capabilities }), ("businessTypes", { $0.businessTypes = types }),
            ("copyright", { $0.copyright = Copyright(holder: "Jason The PT \(n), LLC", since: 2000 + n % 25) }),
        ]
    }
}
