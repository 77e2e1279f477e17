import Foundation
import NIOCore
import NIOPosix
import S11App

/// ClamAV's daemon (clamd) as s11's virus scanner: each file is streamed to it over its local
/// socket with INSTREAM (in chunks, each with its length, then a zero length), and its one-line
/// answer read: "stream: OK", or "stream: NAME FOUND".
public struct ClamdScanner: VirusScanner {
    /// The path of clamd's local (Unix) socket, as its `LocalSocket` setting names it.
    public let socketPath: String
    /// How long one scan may take before it counts as failed.
    public let timeout: TimeAmount

    /// The chunk each write carries; clamd's `StreamMaxLength` must allow the whole file.
    static let chunkSize = 64 * 1024

    public init(socketPath: String, timeout: TimeAmount = .seconds(120)) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    public var words: String { "ClamAV's daemon at \(socketPath)" }

    public func scan(_ file: URL) async throws -> String? {
        let answer: String
        do {
            answer = try await send(file)
        } catch let error as ScannerError {
            throw error
        } catch {
            throw ScannerError("the virus scanner (\(words)) could not be reached: \(error)")
        }
        return try Self.verdict(answer)
    }

    /// What clamd's answer says: nil for "OK", the name before "FOUND", or an error for anything else.
    static func verdict(_ answer: String) throws -> String? {
        let line = answer.trimmingCharacters(in: CharacterSet(charactersIn: "\0\n "))
        guard line.hasPrefix("stream: ") else { throw ScannerError("the virus scanner answered something s11 does not read: \(line)") }
        let said = line.dropFirst("stream: ".count)
        if said == "OK" { return nil }
        if said.hasSuffix(" FOUND") { return String(said.dropLast(" FOUND".count)) }
        throw ScannerError("the virus scanner could not scan the file: \(said)")
    }

    private func send(_ file: URL) async throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .connect(unixDomainSocketPath: socketPath) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(string: "zINSTREAM\0"))
                    while let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty {
                        var buffer = ByteBuffer()
                        buffer.writeInteger(UInt32(chunk.count), endianness: .big)
                        buffer.writeBytes(chunk)
                        try await outbound.write(buffer)
                    }
                    try await outbound.write(ByteBuffer(bytes: [0, 0, 0, 0]))
                    var answer = ByteBuffer()
                    for try await part in inbound {
                        var part = part
                        answer.writeBuffer(&part)
                        if answer.readableBytesView.contains(0) { break }
                    }
                    return String(buffer: answer)
                }
            }
            group.addTask {
                try await Task.sleep(for: .nanoseconds(timeout.nanoseconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let answer = try await group.next() ?? nil else {
                channel.channel.close(promise: nil)
                throw ScannerError("the virus scanner took longer than \(timeout.nanoseconds / 1_000_000_000) seconds")
            }
            return answer
        }
    }
}
