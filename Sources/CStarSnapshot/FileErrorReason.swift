import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File errors from Foundation in plain words (`no such file or folder`), in place of
/// `The operation could not be completed. (NSCocoaErrorDomain error 256.)`.
public enum FileErrorReason {
    /// Why a file operation failed, in a few lowercase words.
    public static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return posix(Int32(error.code)) }
        if error.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: error.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileWriteFileExists: return "something of that name already exists"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: return "not valid UTF-8 text"
            default: break
            }
            if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError { return reason(underlying) }
            var isFolder: ObjCBool = false
            if let path = path(of: error), FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                return "it is a folder, not a file"
            }
            if let reason = error.localizedFailureReason { return reason }
            return CocoaError.Code(rawValue: error.code).isFileWrite ? "it cannot be written" : "it cannot be read"
        }
        return error.localizedFailureReason ?? error.localizedDescription
    }

    /// `path: reason` for a Foundation file error (the reason alone when it names no file); `nil` for
    /// any other error.
    public static func describe(_ error: any Error) -> String? {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain else { return nil }
        return path(of: error).map { "\($0): \(reason(error))" } ?? reason(error)
    }

    private static func path(of error: NSError) -> String? {
        error.userInfo[NSFilePathErrorKey] as? String ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
    }

    /// Any error in words: a Foundation file error as ``describe(_:)`` says it, another by its description.
    public static func sentence(_ error: any Error) -> String {
        describe(error) ?? String(describing: error)
    }

    private static func posix(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

extension CocoaError.Code {
    /// Whether the code is one of writing a file (`fileWrite…`, 512 to 639).
    fileprivate var isFileWrite: Bool { (512..<640).contains(rawValue) }
}
