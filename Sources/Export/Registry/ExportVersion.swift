import ExportCore
import ExportSharing
import ExportXML
import FormatAuthoring
import FormatMISP
import FormatReportXML
import FormatSTIX12
import FormatSTIX21

public enum ExportVersion { public static let string = "0.1.0" }
