import Crypto

/// Turns an id or a recipient's name, which input files choose freely, into one safe file-name component.
///
/// Ids need only be non-empty, so `../../escaped`, `a/b`, a NUL, 300 characters or `con` can all reach a file
/// name. A safe name keeps only `A-Z a-z 0-9 . _ -`, never starts with `.` or `-`, is never a Windows device
/// name, and has at most ``maximumStemLength`` characters. Whenever anything had to change, a short hash of the
/// original is appended, so two different ids never meet in one name unless that hash collides, and the same id
/// always gives the same name.
///
/// ```swift
/// SafeFileName.stem("IND")            // "IND"
/// SafeFileName.stem("../../escaped")  // "_.._escaped-" and 8 hex digits
/// ```
public enum SafeFileName {
    /// The longest stem kept before the hash: with the hash, an extension and a temporary-file suffix, far
    /// below the 255 bytes a Linux file name may have.
    public static let maximumStemLength = 64

    /// The safe stem for `raw`: `raw` itself when it is already safe, else its safe characters plus a hash.
    public static func stem(_ raw: String) -> String {
        var kept = ""
        var isChanged = false
        for scalar in raw.unicodeScalars {
            if isAllowed(scalar) {
                kept.unicodeScalars.append(scalar)
            } else {
                kept.append("_")
                isChanged = true
            }
        }
        if let first = kept.first, first == "." || first == "-" {
            kept.replaceSubrange(kept.startIndex...kept.startIndex, with: "_")
            isChanged = true
        }
        if kept.count > maximumStemLength {
            kept = String(kept.prefix(maximumStemLength))
            isChanged = true
        }
        // `con` and `con.json` are devices on Windows, where these files may be copied; `..` is already `_.` here.
        let bare = kept.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if kept.isEmpty || reservedNames.contains(bare) {
            kept = "_" + kept
            isChanged = true
        }
        return isChanged ? kept + "-" + hash(raw) : kept
    }

    /// Whether `name` is one component that stays in its folder: not empty, not `.` or `..`, and free of `/`
    /// and NUL.
    public static func isSingleComponent(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains(UInt8(ascii: "/")) && !name.utf8.contains(0)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }

    /// Eight hex digits of SHA-256 over the original bytes.
    private static func hash(_ raw: String) -> String {
        SHA256.hash(data: Array(raw.utf8)).prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static let reservedNames: Set<String> =
        Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })
}

/// Hands out safe file names, each at most once in one run, so that two ids that reduce to the same safe
/// stem never overwrite each other's file.
///
/// ```swift
/// var names = UniqueFileNames()
/// names.name(for: "IND", extension: "json")   // "IND.json"
/// names.name(for: "IND", extension: "json")   // "IND-2.json"
/// ```
public struct UniqueFileNames: Sendable {
    private var used: Set<String> = []

    /// Creates an empty set of names.
    public init() {}

    /// A safe name for `raw` with `fileExtension`, not handed out before by this value.
    public mutating func name(for raw: String, extension fileExtension: String) -> String {
        let stem = SafeFileName.stem(raw)
        let suffix = fileExtension.isEmpty ? "" : "." + fileExtension
        var candidate = stem + suffix
        var counter = 2
        while !used.insert(candidate.lowercased()).inserted {
            candidate = "\(stem)-\(counter)\(suffix)"
            counter += 1
        }
        return candidate
    }
}

extension SafeFileName {
    /// `folder/name`, refusing any name that would leave `folder`.
    /// - Throws: ``ExportError`` `.io` when `name` is not one plain component (the caller made it from input).
    public static func path(in folder: String, name: String) throws -> String {
        guard isSingleComponent(name) else {
            throw ExportError(.io, "\(folder): refusing to write '\(name)' outside the destination folder")
        }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
