extension Double {
    /// The value rounded half away from zero to `decimals` places, written without exponent (0.8 → "0.80").
    func fixed(_ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(self) * scale).rounded()
        // Past Int's range (or not finite) fixed notation is pointless; Swift's shortest form says it all.
        guard scaled < 9e18 else { return String(describing: self) }
        let units = Int(scaled)
        let divisor = Int(scale)
        let whole = String(units / divisor)
        let sign = self < 0 && units != 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        let fraction = String(units % divisor)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
