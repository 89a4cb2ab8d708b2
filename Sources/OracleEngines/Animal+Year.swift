extension Animal {
    /// The animal (branch) of a year in the sixty-year cycle: (year − 4) mod 12.
    public init(yearOf year: Int) {
        self = Animal.allCases[(year - 4).modulo(12)]
    }
}
