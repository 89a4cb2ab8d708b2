import OracleAPI
import OracleEngines

extension Nps_Oracle_FC60Reading {
    /// The wire form of an engine FC60 reading.
    init(_ reading: FC60Reading) {
        self.init()
        cycle = Int32(reading.cycle)
        element = reading.element.name
        polarity = reading.polarity.name
        stem = reading.stem.token
        branch = reading.branch.name
        yearNumber = Int32(reading.yearNumber)
        monthNumber = Int32(reading.monthNumber)
        dayNumber = Int32(reading.dayNumber)
        energyLevel = reading.energyLevel
        elementBalance = reading.elementBalance
    }
}

extension Nps_Oracle_NumerologyReading {
    /// The wire form of an engine numerology reading.
    init(_ reading: NumerologyReading) {
        self.init()
        lifePath = Int32(reading.lifePath)
        dayVibration = Int32(reading.dayVibration)
        personalYear = Int32(reading.personalYear)
        personalMonth = Int32(reading.personalMonth)
        personalDay = Int32(reading.personalDay)
        interpretation = reading.interpretation
    }
}

extension Nps_Oracle_ZodiacInfo {
    /// The wire form of a western zodiac sign.
    init(_ sign: ZodiacSign) {
        self.init()
        self.sign = sign.name
        element = sign.element
        rulingPlanet = sign.rulingPlanet
    }
}

extension Nps_Oracle_ChineseCalendar {
    /// The wire form of a Chinese calendar year.
    init(_ year: ChineseYear) {
        self.init()
        animal = year.animal.name
        element = year.element.name
        yinYang = year.polarity.name
    }
}

extension Nps_Oracle_LetterAnalysis {
    /// The wire form of one analysed letter.
    init(_ letter: LetterAnalysis) {
        self.init()
        self.letter = String(letter.letter)
        value = Int32(letter.value)
        element = letter.element.name
    }
}

extension Nps_Oracle_OptimalHour {
    /// The wire form of one good hour.
    init(_ hour: OptimalHour) {
        self.init()
        self.hour = Int32(hour.hour)
        score = hour.score
        reason = hour.reason
    }
}
