import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Output {
    /// `3d`, `5h`, `12m`: how long ago.
    static func age(_ date: Date?, now: Date) -> String {
        guard let date else { return "-" }
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds >= 86_400 { return "\(seconds / 86_400)d" }
        if seconds >= 3_600 { return "\(seconds / 3_600)h" }
        return "\(seconds / 60)m"
    }
}
