import ExportCore

extension JSONComposer {
    /// Reads a string literal at its opening quote; `nil` for anything libyaml might read differently.
    ///
    /// Most strings have no escapes, so the text is taken from the input in one piece (the input is already
    /// checked UTF-8); escapes are decoded into a buffer only when present.
    mutating func string() -> String? {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard index - start <= limits.maxScalarBytes else { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
            // Raw control characters are not JSON, and a raw line break inside quotes is folded by YAML.
            if byte < 0x20 { return nil }
            if byte & 0xC0 == 0x80 { continuationBytes += 1 }
            index += 1
        }
        return nil
    }

    /// Continues a string that has escapes, from its first byte after the quote.
    private mutating func escapedString(from start: Int) -> String? {
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard out.count <= limits.maxScalarBytes else { return nil }
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = escapedScalar() else { return nil }
                    out.append(contentsOf: String(scalar).utf8)
                default: return nil
                }
            case 0..<0x20: return nil
            default:
                if byte & 0xC0 == 0x80 { continuationBytes += 1 }
                out.append(byte)
            }
        }
        return nil
    }

    /// The scalar of a `\u` escape whose `\u` was just read: one code point, or a surrogate pair (Python's
    /// `json.dumps` writes one for every character past U+FFFF). A lone surrogate is `nil`: libyaml reports it.
    private mutating func escapedScalar() -> Unicode.Scalar? {
        guard let code = hex4() else { return nil }
        switch code {
        case 0xD800..<0xDC00:
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { return nil }
            index += 2
            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00..<0xE000: return nil
        default: return Unicode.Scalar(code)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Reads `true`, `false`, `null` or a strict JSON number as the plain scalar libyaml would give.
    mutating func plain() -> String? {
        let start = index
        for word in ["true", "false", "null"] where matches(word) {
            index += word.utf8.count
            return word
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard let first = digit() else { return nil }
        if first != 0 { while digit() != nil {} } else if digit() != nil { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digit() != nil else { return nil }
            while digit() != nil {}
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digit() != nil else { return nil }
            while digit() != nil {}
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private func matches(_ word: String) -> Bool {
        var position = index
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
        }
        return true
    }

    /// Consumes one decimal digit and returns its value.
    private mutating func digit() -> UInt8? {
        guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
        index += 1
        return bytes[index - 1] - 48
    }
}
