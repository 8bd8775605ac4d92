/// Checks the syntax of a STIX 2.1 pattern and the object paths it names, in one left-to-right pass.
///
/// The grammar is STIX 2.1 section 9: observation expressions in square brackets joined by `AND`, `OR` and
/// `FOLLOWEDBY`, grouped in parentheses and followed by qualifiers (`WITHIN n SECONDS`, `REPEATS n TIMES`,
/// `START t'…' STOP t'…'`); inside the brackets, comparisons of an object path (`file:hashes.'SHA-256'`) with
/// a literal (`=`, `!=`, `<`, `<=`, `>`, `>=`, `IN`, `LIKE`, `MATCHES`, `ISSUBSET`, `ISSUPERSET`, each
/// optionally negated with `NOT`) or `EXISTS` paths, joined by `AND` and `OR`. Comparisons joined by `AND`
/// must be about one object type. The parser never backtracks, so its time is linear in the pattern's
/// length; nesting deeper than ``maxDepth`` is refused rather than recursed into.
///
/// ```swift
/// STIXPattern.problem(in: "[ipv4-addr:value = '203.0.113.5']")   // nil
/// STIXPattern.problem(in: "[ipv4-addr:valu = '203.0.113.5']")    // 'ipv4-addr' has no property 'valu'…
/// ```
public enum STIXPattern {
    /// How deeply parentheses and brackets may nest.
    public static let maxDepth = 64

    /// The first problem in `pattern`, or `nil` when it is a valid STIX 2.1 pattern.
    public static func problem(in pattern: String) -> SyntaxProblem? {
        var parser = STIXPatternParser(Array(pattern.unicodeScalars))
        do {
            try parser.parse()
            return nil
        } catch let problem as SyntaxProblem {
            return problem
        } catch {
            return SyntaxProblem(at: 0, "not a valid STIX pattern")
        }
    }
}
