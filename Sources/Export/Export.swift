// The Export library is the registry of formats over the layers below it; `import Export` brings them all.
// A new format is imported here and listed in `FormatRegistry.all` below (docs/ARCHITECTURE.md, "A format").
@_exported public import ExportCore
@_exported public import ExportSharing
@_exported public import ExportXML
@_exported public import FormatAuthoring
@_exported public import FormatMISP
@_exported public import FormatReportXML
@_exported public import FormatSTIX12
@_exported public import FormatSTIX21

extension FormatRegistry {
    /// Every format, in the order `--help` lists them.
    public static let all: [FormatDescriptor] = [
        .stix21,
        .reportJSON,
        .reportXML,
        .stix12,
        .misp,
        .authoring,
    ]
}
