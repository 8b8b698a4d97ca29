using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using BlinkInfra.Config;

namespace BlinkInfra.Stacks;

/// <summary>
/// Every file a user names (a stack file, a plan, a state, a resource list, standard input) read the one safe way:
/// what the path is first, the symbolic links it goes through followed (a FIFO would make the reader wait for a
/// writer forever, a device such as /dev/zero never end, a directory not be a file), its size before a byte is read,
/// then at most the limit plus one byte, so that a file that grows while it is read is refused like a file that was
/// too big from the start. Every refusal is a <see cref="StackFileException"/> naming the path and what is allowed.
/// </summary>
public static class BoundedFile
{
    /// <summary>A file's bytes, or an input error saying what the path is or that it is too big.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what)
    {
        if (string.IsNullOrEmpty(path))
            throw new StackFileException(DiagnosticCatalogue.FileUnreadable, $"an empty path, where {what} belongs");
        string shown;
        try
        {
            shown = Describe(path);
        }
        catch (IOException e)
        {
            throw new StackFileException(DiagnosticCatalogue.FileUnreadable, $"{path}: cannot be read as {what}: {e.Message}");
        }
        if (Directory.Exists(path))
            throw new StackFileException(DiagnosticCatalogue.FileUnreadable, $"{shown}: a directory, not {what}; allowed: a regular file");
        if (!File.Exists(path))
            throw new StackFileException(DiagnosticCatalogue.FileUnreadable, $"{shown}: no such file; allowed: {what}, a regular file");
        var status = FileKind.Of(path);
        if (status is { } known)
        {
            if (known.Kind != FileKind.Kind.Regular)
                throw new StackFileException(DiagnosticCatalogue.FileUnreadable, $"{shown}: {FileKind.Describe(known.Kind)}, not {what}: reading it {FileKind.Why(known.Kind)}; allowed: a regular file");
            if (known.Size > maxBytes)
                throw new StackFileException(DiagnosticCatalogue.FileUnreadable, $"{shown}: {known.Size} bytes; allowed: {what} of at most {maxBytes} bytes");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            return ReadBounded(stream, maxBytes, shown, what);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StackFileException(DiagnosticCatalogue.FileUnreadable, $"{shown}: cannot be read as {what}: {e.Message}");
        }
    }

    /// <summary>A stream's bytes, at most the limit: one byte more is an input error (a growing file, a device, a pipe that never ends).</summary>
    public static byte[] ReadBounded(Stream stream, long maxBytes, string name, string what)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var room = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
            var read = stream.Read(chunk, 0, room);
            if (read == 0)
                return buffer.ToArray();
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                throw new StackFileException(DiagnosticCatalogue.FileUnreadable, $"{name}: more than {maxBytes} bytes (it grew while it was read, or never ends); allowed: {what} of at most {maxBytes} bytes");
        }
    }

    /// <summary>The path as messages show it: with the file a symbolic link leads to.</summary>
    private static string Describe(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
            return path;
        // Follows every link; a loop or a missing target throws IOException, which the caller reports.
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists && !Directory.Exists(target.FullName))
            throw new IOException($"a symbolic link to {info.LinkTarget}, which does not exist");
        return $"{path} (a link to {target.FullName})";
    }

    /// <summary>
    /// Text in the encodings a file reaches us in: a byte-order mark names UTF-8, UTF-16 or UTF-32; without one, zero
    /// bytes beside ASCII ones mean UTF-16 (the first character of JSON and of a stack file is ASCII), anything else is
    /// UTF-8. Invalid bytes are an error (DecoderFallbackException), never guessed.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        Encoding encoding;
        var skip = 0;
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) (encoding, skip) = (new UTF8Encoding(false, true), 3);
        else if (bytes is [0xFF, 0xFE, 0x00, 0x00, ..]) (encoding, skip) = (new UTF32Encoding(false, false, true), 4);
        else if (bytes is [0x00, 0x00, 0xFE, 0xFF, ..]) (encoding, skip) = (new UTF32Encoding(true, false, true), 4);
        else if (bytes is [0xFF, 0xFE, ..]) (encoding, skip) = (new UnicodeEncoding(false, false, true), 2);
        else if (bytes is [0xFE, 0xFF, ..]) (encoding, skip) = (new UnicodeEncoding(true, false, true), 2);
        else if (bytes is [not 0, 0, ..]) encoding = new UnicodeEncoding(false, false, true);
        else if (bytes is [0, not 0, ..]) encoding = new UnicodeEncoding(true, false, true);
        else encoding = new UTF8Encoding(false, true);
        return encoding.GetString(bytes, skip, bytes.Length - skip);
    }
}

/// <summary>
/// What a path is, from the kernel: Linux's statx (its structure is the same on every architecture: stx_mode at byte
/// 28, stx_size at byte 40; man 2 statx), following symbolic links. Null where statx is not there (another system, an
/// old C library): the caller then relies on the bounded read alone.
/// </summary>
internal static class FileKind
{
    public enum Kind { Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Other }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxSize = 0x200;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);

    public static (Kind Kind, long Size)? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType | StatxSize, buffer) != 0)
                return null;
            var mode = BitConverter.ToUInt16(buffer, 28);
            var size = (long)BitConverter.ToUInt64(buffer, 40);
            var kind = (mode & 0xF000) switch
            {
                0x8000 => Kind.Regular,
                0x4000 => Kind.Directory,
                0x1000 => Kind.Fifo,
                0x2000 => Kind.CharacterDevice,
                0x6000 => Kind.BlockDevice,
                0xC000 => Kind.Socket,
                _ => Kind.Other,
            };
            return (kind, size);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            return null;
        }
    }

    public static string Describe(Kind kind) => kind switch
    {
        Kind.Directory => "a directory",
        Kind.Fifo => "a FIFO (named pipe)",
        Kind.CharacterDevice => "a character device",
        Kind.BlockDevice => "a block device",
        Kind.Socket => "a socket",
        _ => "not a regular file",
    };

    public static string Why(Kind kind) => kind switch
    {
        Kind.Fifo => "would wait for a writer, perhaps forever",
        Kind.CharacterDevice or Kind.BlockDevice => "would read a device, which may never end",
        Kind.Socket => "would wait on a connection",
        _ => "is not reading a file",
    };
}
