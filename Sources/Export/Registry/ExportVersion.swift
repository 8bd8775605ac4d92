public enum ExportVersion { public static let string = "0.1.0" }
