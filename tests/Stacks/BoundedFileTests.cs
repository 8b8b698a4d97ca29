using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Every file a user names is read with a bound: what it is first (a FIFO, a device, a directory are refused before
/// a byte is read, through symbolic links too), its size, then at most the limit, so a file that grows while it is
/// read is refused as one too big. For stack files, plans, states and resource lists alike.
/// </summary>
public class BoundedFileTests
{
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("blink-bounded-");

    [TearDown]
    public void DeleteFolder() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.EqualTo(0), "mkfifo");
    }

    private static async Task<(int Exit, string Out, string Err)> RunWithin(TimeSpan limit, params string[] args)
    {
        var run = CliRunner.Run(args);
        var finished = await Task.WhenAny(run, Task.Delay(limit));
        Assert.That(finished, Is.SameAs(run), "the verb answered instead of waiting on the file (a generous bound: this is no benchmark)");
        return await run;
    }

    [TestCase("check", "--config")]
    [TestCase("check", "--state")]
    [TestCase("check", "--plan")]
    [TestCase("check", "--resources")]
    public async Task A_fifo_is_refused_before_it_is_opened(string verb, string option)
    {
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("FIFOs and statx are Linux's here; elsewhere the bounded read is the guard");
        var fifo = PathOf("Pulumi.fifo.yaml");
        MakeFifo(fifo);

        var (exit, _, errors) = await RunWithin(TimeSpan.FromSeconds(30), verb, option, fifo);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Does.Contain($"error BLINK5008: {fifo}: a FIFO (named pipe), not "));
        Assert.That(errors, Does.Contain(": reading it would wait for a writer, perhaps forever; allowed: a regular file\n"));
    }

    [Test]
    public async Task A_device_behind_a_symbolic_link_is_refused_naming_both()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("/dev/zero and statx are Linux's here");
        var link = PathOf("Pulumi.zero.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");

        var (exit, _, errors) = await RunWithin(TimeSpan.FromSeconds(30), "check", "--config", link);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo($"error BLINK5008: {link} (a link to /dev/zero): a character device, not a stack file: reading it would read a device, which may never end; allowed: a regular file\n"));
    }

    [Test]
    public async Task A_device_given_to_diff_is_refused()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("/dev/zero and statx are Linux's here");

        var (exit, _, errors) = await RunWithin(TimeSpan.FromSeconds(60), "diff", "--stack", "dev", "--against", "/dev/zero");

        Assert.That(exit, Is.EqualTo(BlinkCli.DiffError));
        Assert.That(errors, Does.Contain("error BLINK5008: /dev/zero: a character device, not a plan or a Pulumi state"));
    }

    [Test]
    public async Task A_directory_a_dangling_link_and_a_missing_file_are_each_said()
    {
        var directory = PathOf("Pulumi.dir.yaml");
        Directory.CreateDirectory(directory);
        var dangling = PathOf("Pulumi.gone.yaml");
        File.CreateSymbolicLink(dangling, PathOf("nowhere.yaml"));

        Assert.That((await RunWithin(TimeSpan.FromSeconds(30), "check", "--config", directory)).Err, Is.EqualTo($"error BLINK5008: {directory}: a directory, not a stack file; allowed: a regular file\n"));
        Assert.That((await RunWithin(TimeSpan.FromSeconds(30), "check", "--config", dangling)).Err, Does.StartWith($"error BLINK5008: {dangling}: cannot be read as a stack file: a symbolic link to "));
        Assert.That((await RunWithin(TimeSpan.FromSeconds(30), "check", "--state", PathOf("missing.json"))).Err, Is.EqualTo($"error BLINK5008: {PathOf("missing.json")}: no such file; allowed: a Pulumi state, a regular file\n"));
    }

    [Test]
    public async Task A_file_too_big_is_refused_by_its_size_before_it_is_read()
    {
        var big = PathOf("Pulumi.big.yaml");
        await using (var stream = File.Create(big))
            stream.SetLength(ConfigLimits.MaxFileBytes + 1);

        var (exit, _, errors) = await RunWithin(TimeSpan.FromSeconds(30), "check", "--config", big);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Does.Contain($"{ConfigLimits.MaxFileBytes + 1} bytes; allowed: a stack file of at most {ConfigLimits.MaxFileBytes} bytes"));
    }

    /// <summary>A stream that never ends, as a device or a file growing while it is read.</summary>
    private sealed class Endless : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'#', offset, count);
            Served += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Test]
    public void A_file_that_grows_while_it_is_read_is_refused_after_the_limit_and_one_byte()
    {
        var endless = new Endless();

        var message = Assert.Throws<StackFileException>(() => BoundedFile.ReadBounded(endless, 1000, "growing.json", "a plan"))!.Message;

        Assert.That(message, Is.EqualTo("growing.json: more than 1000 bytes (it grew while it was read, or never ends); allowed: a plan of at most 1000 bytes"));
        Assert.That(endless.Served, Is.EqualTo(1001), "no more than the limit and one byte is read");
    }

    [Test]
    public async Task Standard_input_is_read_with_a_bound_too()
    {
        var previous = Console.In;
        Console.SetIn(new StringReader(new string(' ', ConfigLimits.MaxDocumentBytes) + "{}"));
        try
        {
            var (exit, _, errors) = await RunWithin(TimeSpan.FromSeconds(60), "check", "--resources", "-");

            Assert.That(exit, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"error BLINK5005: standard input: more than {ConfigLimits.MaxDocumentBytes} characters; allowed: a resource list of at most {ConfigLimits.MaxDocumentBytes}\n"));
        }
        finally
        {
            Console.SetIn(previous);
        }
    }
}
