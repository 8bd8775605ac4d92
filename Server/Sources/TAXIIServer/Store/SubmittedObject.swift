/// One stored submission object, as an operator lists it.
package struct SubmittedObject: Sendable {
    /// The partner that sent it.
    package let partner: String
    /// The status id of the request that stored it.
    package let statusID: String
    /// When the server stored it (TAXII timestamp).
    package let dateAdded: String
    /// The object as canonical compact JSON.
    package let object: String
}
