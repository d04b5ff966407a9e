import Foundation

/// The default theme: Mustache templates (`Templates/`) and static assets (`public/`).
public enum DefaultTheme {
    /// The folder of the default Mustache templates.
    public static func templates() throws -> URL {
        try BundledResources.url("Templates")
    }

    /// The folder of the default CSS, JavaScript and other static files.
    public static func publicFolder() throws -> URL {
        try BundledResources.url("public")
    }
}
