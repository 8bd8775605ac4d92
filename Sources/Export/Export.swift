// The Export library is the registry of formats over the layers below it; `import Export` brings them all.
@_exported public import ExportCore
@_exported public import ExportSharing
@_exported public import ExportXML
@_exported public import FormatAuthoring
@_exported public import FormatMISP
@_exported public import FormatReportXML
@_exported public import FormatSTIX12
@_exported public import FormatSTIX21
