/// An Aho–Corasick automaton over folded names: finds every occurrence of every name in a folded text in one
/// pass.
///
/// Building costs time linear in the total length of the names, and a scan costs time linear in the length of
/// the text plus the occurrences it looks at, however many names there are: each character takes one goto step
/// and the failure steps it takes are paid for by earlier goto steps. Before this, the scanner sorted candidate
/// names at every word of every text, and 32,000 names against one description took 33 s.
///
/// ```swift
/// let automaton = NameAutomaton(patterns: [FoldedText.foldName("Crimson Otter")])
/// let text = FoldedText("See crimson-otter.example")
/// automaton.occurrences(in: text.characters) { _ in true }   // [Occurrence(range: 4..<17, pattern: 0)]
/// ```
struct NameAutomaton {
    /// Where a pattern occurs, in folded characters, and which pattern it is (its index in `patterns`).
    struct Occurrence: Hashable {
        let range: Range<Int>
        let pattern: Int
    }

    /// Symbols of non-ASCII characters, numbered from 128; an ASCII character is its own code.
    private var alphabet: [Character: UInt32] = [:]
    /// Every trie edge, keyed by its state (high 32 bits) and symbol (low 32 bits).
    private var edges: [UInt64: Int32] = [:]
    private var failure: [Int32] = [0]
    private var depth: [Int32] = [0]
    /// The pattern that ends at a state, or -1.
    private var pattern: [Int32] = [-1]
    /// The nearest state on the failure chain where a pattern ends, or -1: the chain of shorter occurrences.
    private var nextOutput: [Int32] = [-1]

    /// Builds the automaton; a pattern repeated later in the list is found as its first copy.
    init(patterns: [[Character]]) {
        var parents: [Int32] = [0]
        var symbols: [UInt32] = [0]
        for (index, characters) in patterns.enumerated() where !characters.isEmpty {
            var state: Int32 = 0
            for character in characters {
                let symbol = symbol(adding: character)
                if let next = edges[Self.key(state, symbol)] {
                    state = next
                    continue
                }
                let next = Int32(depth.count)
                edges[Self.key(state, symbol)] = next
                parents.append(state)
                symbols.append(symbol)
                depth.append(depth[Int(state)] + 1)
                failure.append(0)
                pattern.append(-1)
                nextOutput.append(-1)
                state = next
            }
            if pattern[Int(state)] < 0 { pattern[Int(state)] = Int32(index) }
        }
        linkFailures(parents: parents, symbols: symbols)
    }

    /// At each position of `text`, the longest occurrence ending there that `accept` takes, in the order of
    /// their ends.
    ///
    /// Shorter occurrences ending at the same position lie inside the one returned, so a caller that redacts
    /// loses nothing; and since the walk stops at the first accepted one, the list never holds more entries than
    /// `text` has characters, even when crafted names nest (`aaa`, `aaa aaa`, `aaa aaa aaa`…).
    func occurrences(in text: [Character], where accept: (Range<Int>) -> Bool) -> [Occurrence] {
        var found: [Occurrence] = []
        var state: Int32 = 0
        for (offset, character) in text.enumerated() {
            guard let symbol = symbol(of: character) else {
                state = 0  // no pattern contains this character: every partial match ends here
                continue
            }
            state = step(from: state, on: symbol)
            var output = pattern[Int(state)] >= 0 ? state : nextOutput[Int(state)]
            while output >= 0 {
                let range = (offset + 1 - Int(depth[Int(output)]))..<(offset + 1)
                if accept(range) {
                    found.append(Occurrence(range: range, pattern: Int(pattern[Int(output)])))
                    break
                }
                output = nextOutput[Int(output)]
            }
        }
        return found
    }

    private func step(from start: Int32, on symbol: UInt32) -> Int32 {
        var state = start
        while true {
            if let next = edges[Self.key(state, symbol)] { return next }
            if state == 0 { return 0 }
            state = failure[Int(state)]
        }
    }

    /// Sets each state's failure link (the longest proper suffix of its path that is also a path) and its
    /// output link, parents before children: states are visited by depth.
    private mutating func linkFailures(parents: [Int32], symbols: [UInt32]) {
        var levels: [[Int32]] = []
        for state in 1..<Int32(depth.count) {
            let level = Int(depth[Int(state)]) - 1
            if level == levels.count { levels.append([]) }
            levels[level].append(state)
        }
        for state in levels.joined() {
            let parent = parents[Int(state)]
            guard parent != 0 else { continue }  // a child of the root fails to the root
            let target = step(from: failure[Int(parent)], on: symbols[Int(state)])
            failure[Int(state)] = target
            nextOutput[Int(state)] = pattern[Int(target)] >= 0 ? target : nextOutput[Int(target)]
        }
    }

    private mutating func symbol(adding character: Character) -> UInt32 {
        if let symbol = symbol(of: character) { return symbol }
        let symbol = UInt32(128 + alphabet.count)
        alphabet[character] = symbol
        return symbol
    }

    private func symbol(of character: Character) -> UInt32? {
        if let ascii = character.asciiValue { return UInt32(ascii) }
        return alphabet[character]
    }

    private static func key(_ state: Int32, _ symbol: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(symbol)
    }
}
