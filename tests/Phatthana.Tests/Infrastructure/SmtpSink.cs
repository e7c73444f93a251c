using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port (Debian's python3-aiosmtpd, <c>smtp_sink.py</c>), writing each message it accepts
/// to a folder the test reads back. It can be stopped and started again on the same port (a server that is down), refuse
/// everything for now (451), and refuses for good any recipient whose address contains "refuse" (550). A machine without
/// aiosmtpd fails the test, never skips it (./test.sh installs it).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("phatthana-smtp-");
    private Process? _process;

    public int Port { get; }

    private SmtpSink(int port) => Port = port;

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink(FreePort());
        await sink.StartAgainAsync();
        return sink;
    }

    public async Task StartAgainAsync()
    {
        if (_process is not null) return;
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py");
        for (var attempt = 1; ; attempt++)
        {
            var info = new ProcessStartInfo(Python, [script, Port.ToString(), _folder.FullName])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            var process = Process.Start(info) ?? throw new InvalidOperationException($"{Python} did not start");
            var ready = process.StandardOutput.ReadLineAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(ready, exited, Task.Delay(TimeSpan.FromSeconds(20))) == ready && await ready == "READY")
            {
                _process = process;
                return;
            }
            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no READY within 20 s";
            if (!process.HasExited) process.Kill();
            // The port may still be held a moment after the previous server stopped.
            if (attempt == 5 || error.Contains("No module named"))
                throw new InvalidOperationException($"The test SMTP server (python3-aiosmtpd) did not start on port {Port}: {error} — install it with apt-get install -y python3-aiosmtpd (./test.sh does)");
            await Task.Delay(500);
        }
    }

    /// <summary>Stops the server: connections to its port are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } p) return;
        _process = null;
        if (!p.HasExited) p.Kill();
        await p.WaitForExitAsync();
        p.Dispose();
    }

    /// <summary>While on, every message is answered "451 try again later".</summary>
    public void RefuseForNow(bool on)
    {
        var flag = Path.Combine(_folder.FullName, "TEMPFAIL");
        if (on) File.WriteAllText(flag, "");
        else File.Delete(flag);
    }

    /// <summary>Every message delivered so far, oldest first.</summary>
    public List<MimeMessage> Messages() =>
        [.. _folder.GetFiles("*.eml").OrderBy(f => f.Name).Select(f => MimeMessage.Load(f.FullName))];

    /// <summary>The messages whose envelope went to <paramref name="address"/>.</summary>
    public List<MimeMessage> To(string address) =>
        [.. Messages().Where(m => (m.Headers["X-Envelope-To"] ?? "").Split(',').Contains(address, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Waits until <paramref name="address"/> has received <paramref name="count"/> messages (or fails after the timeout).</summary>
    public async Task<List<MimeMessage>> WaitForAsync(string address, int count = 1, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var got = To(address);
            if (got.Count >= count) return got;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{address} received {got.Count} of {count} message(s) within {seconds} s");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { _folder.Delete(recursive: true); } catch (IOException) { }
    }
}
