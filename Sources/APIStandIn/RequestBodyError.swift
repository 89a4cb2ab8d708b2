/// A request body that cannot be used; answered with 400 and the field, when one is at fault.
struct RequestBodyError: Error, Equatable {
    /// What is wrong, naming the field.
    let message: String
    /// The JSON key at fault, or nil for the body as a whole.
    let field: String?
}
