import Foundation
import StackHarness
import Testing

/// How any JSON document decodes into `JSONValue`.
@Suite("JSON values")
struct JSONValueTests {
    @Test("every kind decodes as itself: true is a bool, 1 a number, \"1\" a string, null, arrays and objects nested")
    func everyKind() throws {
        let value = try JSONValue(data: Data(#"{"b":true,"f":false,"n":1,"x":-2.5,"s":"1","z":null,"a":[1,"t",false,{"k":[]}],"o":{}}"#.utf8))
        #expect(
            value
                == .object([
                    "b": .bool(true), "f": .bool(false), "n": .number(1), "x": .number(-2.5), "s": .string("1"), "z": .null,
                    "a": .array([.number(1), .string("t"), .bool(false), .object(["k": .array([])])]), "o": .object([:]),
                ])
        )
    }
}
