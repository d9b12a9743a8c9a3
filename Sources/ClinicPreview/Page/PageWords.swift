/// The page's own words (headings, labels) in one locale. Content comes
/// from the bundle; these are the few words around it. English and Spanish
/// are built in; any other locale gets the English words, as the bundle's
/// hour lines do.
struct PageWords: Sendable {
    var languageName: String
    var preview: String
    var previewOfWorkingTree: String
    var languages: String
    var hours: String
    var phone: String
    var call: String
    var text: String
    var locations: String
    var map: String
    var weeklyHours: String
    var day: String
    var hoursColumn: String
    var dayNames: [String]
    var closed: String
    var byAppointment: String
    var specialHours: String
    var temporarilyClosed: String
    var permanentlyClosed: String
    var social: String
    var allRightsReserved: String
    var compareTitle: String
    var published: String
    var draft: String
    var changed: String
    var unchanged: String
    var absent: String
    var twelveHourClock: Bool

    static let english = PageWords(
        languageName: "English", preview: "Preview of revision", previewOfWorkingTree: "Preview of the working tree at",
        languages: "Languages", hours: "Hours of operation", phone: "Phone / Text", call: "Call", text: "Text",
        locations: "Clinic locations", map: "Map of", weeklyHours: "Weekly hours at", day: "Day", hoursColumn: "Hours",
        dayNames: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        closed: "Closed", byAppointment: "By appointment", specialHours: "Upcoming special hours",
        temporarilyClosed: "Temporarily closed", permanentlyClosed: "Permanently closed", social: "Follow us",
        allRightsReserved: "All rights reserved.", compareTitle: "What patients will see differently",
        published: "Published", draft: "Draft", changed: "Changed", unchanged: "Unchanged", absent: "Not on this page",
        twelveHourClock: true)

    static let spanish = PageWords(
        languageName: "Español", preview: "Vista previa de la revisión",
        previewOfWorkingTree: "Vista previa de los archivos sobre", languages: "Idiomas", hours: "Horario",
        phone: "Teléfono / Mensajes", call: "Llamar al", text: "Enviar un mensaje al", locations: "Nuestras clínicas",
        map: "Mapa de", weeklyHours: "Horario semanal en", day: "Día", hoursColumn: "Horario",
        dayNames: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
        closed: "Cerrado", byAppointment: "Con cita previa", specialHours: "Próximos horarios especiales",
        temporarilyClosed: "Cerrado temporalmente", permanentlyClosed: "Cerrado definitivamente", social: "Síguenos",
        allRightsReserved: "Todos los derechos reservados.", compareTitle: "Lo que los pacientes verán distinto",
        published: "Publicado", draft: "Borrador", changed: "Cambiado", unchanged: "Sin cambios",
        absent: "No está en esta página", twelveHourClock: false)

    /// The words for `locale` (`es`, `es-MX` → Spanish), English otherwise.
    static func forLocale(_ locale: String) -> PageWords {
        locale.lowercased().split(separator: "-").first == "es" ? .spanish : .english
    }

    /// `07:00` → `7:00 AM` (English) or `7:00` (Spanish); `24:00` is midnight.
    func time(_ hhmm: String) -> String {
        let parts = hhmm.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return hhmm }
        let hour = parts[0] % 24
        let minutes = parts[1] < 10 ? "0\(parts[1])" : "\(parts[1])"
        guard twelveHourClock else { return "\(hour):\(minutes)" }
        return "\(hour % 12 == 0 ? 12 : hour % 12):\(minutes) \(hour < 12 ? "AM" : "PM")"
    }
}
