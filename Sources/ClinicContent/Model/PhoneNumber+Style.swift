/// Writing a phone number the way the clinic already writes its numbers.
extension PhoneNumber {
    /// This number with its display form rewritten in the style of `example`
    /// (`773.999.9825` makes `773 999 9826` into `773.999.9826`): the digits as
    /// typed, the separators of the example. Kept as typed when the example is
    /// missing, has a different number of digits, or the display is already so.
    public func styled(like example: String?) -> PhoneNumber {
        guard let example, let display else { return self }
        let digits = display.filter(\.isASCIIDigit)
        guard digits.count == example.filter(\.isASCIIDigit).count else { return self }
        var next = digits.makeIterator()
        var styled = self
        styled.display = String(example.map { $0.isASCIIDigit ? next.next()! : $0 })
        return styled
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
