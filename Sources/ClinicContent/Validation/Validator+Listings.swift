/// Limits the platforms the bundle's listings go to enforce (docs/bundle.md),
/// checked at edit time so that a change Google would refuse is refused
/// before it is committed. Google's other limit, an `endDate` at most one day
/// after `startDate`, holds by construction: the listing has one period per date.
extension ValidationRun {
    mutating func checkListingLimits(_ hours: LocationHours, file: String) {
        if hours.weekly.isEmpty && !hours.special.isEmpty {
            report(
                .listingSpecialWithoutWeek, file, entry(file, "special", 0),
                "\(hours.location) has special hours but no weekly hours; Google Business Profile refuses special hours"
                    + " without regular hours, so give the location its week (or remove the special hours)")
        }
        for (index, special) in hours.special.enumerated() {
            for (rangeIndex, range) in special.ranges.enumerated() {
                let field = entry(file, "\(entry(file, "special", index)).ranges", rangeIndex)
                if range.interval == 0..<1440 {
                    report(
                        .listingSpecialPeriod, file, field,
                        "special hours from \(special.from) are 00:00-24:00, a whole day; Google Business Profile refuses a"
                            + " special period of 24 hours (end it at 23:59, or leave the date to its weekly hours)")
                } else if range.interval.upperBound > 1440 + 719 {
                    report(
                        .listingSpecialPeriod, file, field,
                        "special hours from \(special.from) run overnight to \(range.closes) the next day; Google Business Profile"
                            + " takes a special period only up to 11:59 the next day (close by 11:59, or add the next date's own hours)")
                }
            }
        }
    }
}
