/// Location and hours records in the record cache's file: every field, in a fixed order.
extension CacheWriter {
    mutating func record(_ record: CachedFileRecord) {
        int(record.size)
        switch record.value {
        case nil: int(0)
        case .location(let location)?:
            int(1)
            self.location(location)
        case .hours(let hours)?:
            int(2)
            self.hours(hours)
        }
        findings(record.reading)
        places(record.positions)
        places(record.listIndices)
    }

    mutating func places(_ places: [String: [Int]]) {
        int(places.count)
        for (name, numbers) in places {
            string(name)
            int(numbers.count)
            numbers.forEach { int($0) }
        }
    }

    mutating func text(_ text: LocalizedText) {
        int(text.translations.count)
        for (locale, value) in text.translations {
            string(locale)
            string(value)
        }
    }

    private mutating func location(_ location: Location) {
        string(location.id)
        text(location.label)
        strings(location.address.street)
        string(location.address.city)
        string(location.address.state)
        string(location.address.zip)
        string(location.address.country)
        bool(location.coordinates != nil)
        if let coordinates = location.coordinates {
            // The exact bits, so a coordinate reads back equal, not merely close.
            int(Int(truncatingIfNeeded: coordinates.latitude.bitPattern))
            int(Int(truncatingIfNeeded: coordinates.longitude.bitPattern))
        }
        bool(location.phone != nil)
        if let phone = location.phone {
            string(phone.e164)
            optional(phone.display)
            strings(phone.capabilities.map(\.rawValue))
        }
        string(location.status.rawValue)
    }

    private mutating func hours(_ hours: LocationHours) {
        string(hours.location)
        int(hours.weekly.count)
        for weekly in hours.weekly {
            strings(weekly.days.map(\.rawValue))
            range(weekly.range)
        }
        int(hours.byAppointment.count)
        for appointment in hours.byAppointment {
            strings(appointment.days.map(\.rawValue))
            bool(appointment.note != nil)
            if let note = appointment.note { text(note) }
        }
        int(hours.special.count)
        for special in hours.special {
            day(special.from)
            bool(special.through != nil)
            if let through = special.through { day(through) }
            bool(special.closed)
            int(special.ranges.count)
            special.ranges.forEach { range($0) }
            bool(special.reason != nil)
            if let reason = special.reason { text(reason) }
        }
    }

    private mutating func range(_ range: TimeRange) {
        int(range.opens.minutes)
        int(range.closes.minutes)
        bool(range.overnight)
    }

    private mutating func day(_ day: CalendarDay) {
        int(day.year)
        int(day.month)
        int(day.day)
    }
}

/// Reading them back: a value no reader could have produced (an unknown weekday, a
/// time past 24:00, a date that does not exist) is damage, and the file is not used.
extension CacheReader {
    mutating func fileRecord() throws(CacheDamage) -> CachedFileRecord {
        let size = try int()
        let value: CachedFileRecord.Value?
        switch try int() {
        case 0: value = nil
        case 1: value = .location(try location())
        case 2: value = .hours(try hours())
        default: throw CacheDamage()
        }
        let reading = try findings()
        let positions = try places()
        let listIndices = try places()
        return CachedFileRecord(size: size, value: value, reading: reading, positions: positions, listIndices: listIndices)
    }

    mutating func places() throws(CacheDamage) -> [String: [Int]] {
        var places: [String: [Int]] = [:]
        for _ in 0..<(try count()) {
            let name = try string()
            var numbers: [Int] = []
            for _ in 0..<(try count()) { numbers.append(try int()) }
            places[name] = numbers
        }
        return places
    }

    mutating func text() throws(CacheDamage) -> LocalizedText {
        var translations: [String: String] = [:]
        for _ in 0..<(try count()) {
            let locale = try string()
            translations[locale] = try string()
        }
        return LocalizedText(translations)
    }

    private mutating func location() throws(CacheDamage) -> Location {
        let id = try string()
        let label = try text()
        let address = PostalAddress(
            street: try strings(), city: try string(), state: try string(), zip: try string(), country: try string())
        var coordinates: Coordinates?
        if try bool() {
            let latitude = Double(bitPattern: UInt64(truncatingIfNeeded: try int()))
            let longitude = Double(bitPattern: UInt64(truncatingIfNeeded: try int()))
            coordinates = Coordinates(latitude: latitude, longitude: longitude)
        }
        var phone: PhoneNumber?
        if try bool() {
            let e164 = try string()
            let display = try optional()
            phone = PhoneNumber(e164: e164, display: display, capabilities: try known(try strings(), PhoneNumber.Capability.init))
        }
        guard let status = Location.Status(rawValue: try string()) else { throw CacheDamage() }
        return Location(id: id, label: label, address: address, coordinates: coordinates, phone: phone, status: status)
    }

    private mutating func hours() throws(CacheDamage) -> LocationHours {
        let location = try string()
        var weekly: [WeeklyRange] = []
        for _ in 0..<(try count()) {
            let days = try known(try strings(), Weekday.init)
            weekly.append(WeeklyRange(days: days, range: try range()))
        }
        var appointments: [AppointmentDays] = []
        for _ in 0..<(try count()) {
            let days = try known(try strings(), Weekday.init)
            appointments.append(AppointmentDays(days: days, note: try bool() ? try text() : nil))
        }
        var special: [SpecialHours] = []
        for _ in 0..<(try count()) {
            let from = try day()
            let through = try bool() ? try day() : nil
            let closed = try bool()
            var ranges: [TimeRange] = []
            for _ in 0..<(try count()) { ranges.append(try range()) }
            let reason = try bool() ? try text() : nil
            special.append(SpecialHours(from: from, through: through, closed: closed, ranges: ranges, reason: reason))
        }
        return LocationHours(location: location, weekly: weekly, byAppointment: appointments, special: special)
    }

    private mutating func range() throws(CacheDamage) -> TimeRange {
        guard let opens = TimeOfDay(minutes: try int()), let closes = TimeOfDay(minutes: try int()) else { throw CacheDamage() }
        return TimeRange(opens: opens, closes: closes, overnight: try bool())
    }

    private mutating func day() throws(CacheDamage) -> CalendarDay {
        guard let day = CalendarDay(year: try int(), month: try int(), day: try int()) else { throw CacheDamage() }
        return day
    }

    private func known<T>(_ names: [String], _ make: (String) -> T?) throws(CacheDamage) -> [T] {
        var values: [T] = []
        for name in names {
            guard let value = make(name) else { throw CacheDamage() }
            values.append(value)
        }
        return values
    }
}
