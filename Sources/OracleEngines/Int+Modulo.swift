extension Int {
    /// The remainder of floor division, always in 0..<divisor for a positive divisor.
    func modulo(_ divisor: Int) -> Int {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
