/// The catalogue of the checkpoints spec's requirements (`../shared/spec/checkpoints.md`): every ID with its limit,
/// each written once here. Typed limits sit beside the requirement that states them, and its words are made from
/// them, so a check, a test's name and the report cannot disagree.
package enum Requirements {}
