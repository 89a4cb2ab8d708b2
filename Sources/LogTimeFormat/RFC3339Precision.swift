/// How many fraction digits an RFC 3339 time is written with.
public enum RFC3339Precision: Int, Sendable {
    /// Three digits: the services' log times (`2026-11-29T03:25:21.123Z`).
    case milliseconds = 3
    /// Nine digits: Docker's timestamps (`2026-11-29T04:01:38.610152096Z`).
    case nanoseconds = 9
}
