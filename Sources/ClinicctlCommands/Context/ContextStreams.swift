import Foundation

// Every command of this module reads and writes through the context it runs in:
// `print` (Output+Visible.swift) and `readLine` here shadow the standard library's,
// so a command cannot write past an injected output, or read past an injected input, by accident.

/// A line of the running command's standard input, without its newline; nil at its end.
func readLine() -> String? { CommandContext.current.readLine() }

/// Writes text to the running command's standard error.
func printError(_ text: String) { CommandContext.current.standardError(Data(text.utf8)) }
