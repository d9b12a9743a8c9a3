import Foundation

// Touch Foundation so that it is loaded and initialised, as clinicctl's start does.
print("hello \(ProcessInfo.processInfo.processIdentifier > 0 ? "from Foundation" : "")")
