public import Export

extension HandBuiltReports {
    /// ``everything()`` with every kind of indicator, observable, malware and tool, setting each of their fields
    /// at least once, for the formats that carry them (report XML, report-json).
    public static func everythingWithDetection() throws -> ThreatReport {
        var report = try everything()
        guard let japan = CountryCode("JPN") else { return report }
        let redFiveEyes = Marking(tlp: .red, releasableTo: [.party("five-eyes"), .country(japan)])
        report.observables = [
            Observable(id: "c2-net", kind: .ipv4, value: "203.0.113.0/24", marking: Marking(tlp: .amber)),
            Observable(id: "c2-ip", kind: .ipv4, value: "203.0.113.5"),
            Observable(id: "c2-v6", kind: .ipv6, value: "2001:db8::/32"),
            Observable(id: "c2-v6-mapped", kind: .ipv6, value: "::ffff:192.0.2.1"),
            Observable(id: "c2-domain", kind: .domain, value: "bücher.example"),
            Observable(id: "landing", kind: .url, value: "https://user@[2001:db8::1]:8443/a?b=1&c=<2>#f"),
            Observable(id: "sender", kind: .email, value: "o'brien+x@mail.example", marking: redFiveEyes),
            Observable(id: "dropper", kind: .file, hashes: [
                FileHash(.md5, "d41d8cd98f00b204e9800998ecf8427e"), FileHash(.sha1, "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709"),
                FileHash(.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                FileHash(.sha512, String(repeating: "cf83e135", count: 16)),
            ], fileName: "invoice & <copy>.exe"),
            Observable(id: "payload", kind: .file, hashes: [FileHash(.sha512, String(repeating: "0a", count: 64))]),
        ]
        report.observables[1].involvedIn = [
            Link("himalaya-incursion", marking: Marking(tlp: .amber), description: "seen in the logs"),
        ]
        report.observables[1].involvedIn[0].evidence = ["the address appeared in the firewall logs"]
        var c2 = Indicator(
            id: "c2-indicator", name: "C2 address", description: "The address the implant calls home to.",
            pattern: "[ipv4-addr:value = '203.0.113.5'] OR [domain-name:value = 'bücher.example']",
            validFrom: try PartialDate(parsing: "2023-01-10"), validUntil: try PartialDate(parsing: "2023-12"),
            types: [.maliciousActivity, "custom-indicator-type"], confidence: 75, sources: ["article"],
            marking: Marking(tlp: .amber, releasableTo: [.party("quad")]))
        c2.killChainPhases = [
            KillChainPhase(killChainName: "lockheed-martin-cyber-kill-chain", phaseName: "command-and-control"),
            KillChainPhase(killChainName: "mitre-attack", phaseName: "exfiltration"),
        ]
        c2.indicates = [Link("china-mss", description: "attributed"), Link("apt-x"), Link("op-y"), Link("plugx")]
        c2.indicates[0].evidence = ["the address belongs to the ministry's contractor"]
        c2.basedOn = [Link("c2-ip"), Link("c2-domain", marking: Marking(tlp: .red))]
        c2.evidence = ["“203.0.113.5” was the C2"]
        let yara = Indicator(
            id: "dropper-rule", name: "Dropper rule", pattern: "rule dropper { condition: true }", patternType: "yara",
            validFrom: try PartialDate(parsing: "2023"))
        report.indicators = [c2, yara]
        var plugx = Malware(
            id: "plugx", name: "PlugX", aliases: ["Korplug", "Sogu"], description: "A remote access trojan.",
            types: ["remote-access-trojan", "custom-malware-type"], capabilities: ["communicates-with-c2", "custom-capability"],
            confidence: 90, sources: ["article", "expert"], marking: Marking(tlp: .green))
        plugx.usedBy = [Link("china-mss", marking: Marking(tlp: .amber), description: "since 2008"), Link("apt-x")]
        plugx.usedBy[0].evidence = ["PlugX remains its implant of choice"]
        plugx.evidence = ["PlugX, also known as Korplug"]
        let sample = Malware(id: "plugx-sample", name: "PlugX sample", isFamily: false)
        report.malware = [plugx, sample]
        var psexec = Tool(
            id: "psexec", name: "PsExec", aliases: ["psexesvc"], description: "Remote execution.",
            types: ["remote-access", "custom-tool-type"], confidence: 40, sources: ["expert"], marking: Marking(tlp: .clear))
        psexec.usedBy = [Link("op-y")]
        psexec.evidence = ["lateral movement with PsExec"]
        report.tools = [psexec, Tool(id: "bare-tool", name: "Bare")]
        return report
    }
}
