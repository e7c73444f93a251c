using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Notifications;

/// <summary>How mail leaves: the SMTP server (<c>Phatthana:Mail</c>); no host = mail waits in the outbox until one is set.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls (port 587), SslOnConnect (port 465), or Auto (StartTls when the server offers it).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "phatthana@localhost";
    public string FromName { get; set; } = "ระบบพัฒนา";
    /// <summary>The first wait after a failed try; each next one doubles, up to <see cref="MaxRetryMinutes"/>.</summary>
    public double RetrySeconds { get; set; } = 30;
    public double MaxRetryMinutes { get; set; } = 60;
    /// <summary>Tries before a mail is given up on (an admin may send it again from the outbox page).</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>How often the outbox is looked at for mail written by other instances or due for another try.</summary>
    public double PollSeconds { get; set; } = 5;
    public double TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Sends the outbox through SMTP (MailKit). Several instances may run: a mail is claimed by a conditional update that moves its
/// next try ahead, so one instance sends it. A mail whose server is down, times out or answers 4xx is tried again after a
/// growing wait; one refused for good (5xx for the recipient, an address that is not one) is marked failed at once. Each mail
/// carries a Message-ID made from its id, so a receiver can tell a rare second delivery (a crash between sending and marking)
/// for what it is.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<MailOptions> options, TimeProvider time, ILogger<OutboxSender> log)
{
    public const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public MailOptions Options => options.Value;

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (!Options.Configured) return 0;
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var due = await db.OutboxMails.AsNoTracking().Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
        var claimed = new List<OutboxMail>();
        foreach (var m in due)
        {
            // Claimed by moving its next try past the lease: another instance that read it too finds it changed and leaves it.
            if (await db.OutboxMails.Where(x => x.Id == m.Id && x.Status == MailStatus.Pending && x.NextAttemptAt == m.NextAttemptAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, now + Lease).SetProperty(x => x.Attempts, x => x.Attempts + 1), ct) == 1)
            {
                m.Attempts++;
                claimed.Add(m);
            }
        }
        if (claimed.Count == 0) return 0;

        var sent = 0;
        string? unreachable = null;
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Options.TimeoutSeconds).TotalMilliseconds };
        foreach (var mail in claimed)
        {
            string? error;
            var permanent = false;
            if (AddressProblem(mail.To) is { } bad)
            {
                (error, permanent) = (bad, true);
            }
            else if (unreachable is not null)
            {
                // The server did not answer for the mail before: the rest of the batch waits for the next try without asking again.
                error = unreachable;
            }
            else
            {
                try
                {
                    if (!client.IsConnected) await ConnectAsync(client, ct);
                    await client.SendAsync(ToMessage(mail), ct);
                    error = null;
                }
                catch (SmtpCommandException e)
                {
                    // 5xx: refused for good (this recipient, sender or message); 4xx: try later.
                    permanent = (int)e.StatusCode >= 500;
                    error = $"เซิร์ฟเวอร์อีเมลปฏิเสธ ({(int)e.StatusCode}): {e.Message}";
                }
                catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
                                              or TimeoutException or OperationCanceledException or AuthenticationException or SslHandshakeException)
                {
                    if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
                    error = $"ติดต่อเซิร์ฟเวอร์อีเมลไม่ได้: {e.Message}";
                    if (!client.IsConnected) unreachable = error;
                    try { await client.DisconnectAsync(false, CancellationToken.None); } catch (Exception) { /* already gone */ }
                }
            }
            await RecordAsync(db, mail, error, permanent, ct);
            if (error is null) sent++;
        }
        if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None);
        return sent;
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
        await client.ConnectAsync(Options.Host!, Options.Port, Options.Security, ct);
        if (!string.IsNullOrEmpty(Options.UserName)) await client.AuthenticateAsync(Options.UserName, Options.Password ?? "", ct);
    }

    private async Task RecordAsync(AppDbContext db, OutboxMail mail, string? error, bool permanent, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = db.OutboxMails.Where(m => m.Id == mail.Id);
        if (error is null)
        {
            await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Sent).SetProperty(m => m.SentAt, now).SetProperty(m => m.LastError, (string?)null),
                CancellationToken.None);
            return;
        }
        var giveUp = permanent || mail.Attempts >= Options.MaxAttempts;
        var next = now + Backoff(mail.Attempts);
        log.LogWarning("Mail {Mail} to {To} not sent (try {Attempt}{Final}): {Error}", mail.Id, mail.To, mail.Attempts, giveUp ? ", given up" : "", error);
        await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, giveUp ? MailStatus.Failed : MailStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, Shorten(error)), CancellationToken.None);
    }

    /// <summary>The wait after the n-th failed try: the first wait, doubled each time, capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var seconds = Options.RetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, Options.MaxRetryMinutes * 60));
    }

    /// <summary>Why this is not an address to send to, or null.</summary>
    public static string? AddressProblem(string? address)
    {
        var text = address?.Trim() ?? "";
        if (MailboxAddress.TryParse(text, out var parsed) && parsed.Address.IndexOf('@') is var at and > 0 && at < parsed.Address.Length - 1 &&
            parsed.Address[(at + 1)..].Contains('.') && !parsed.Address.Contains(' '))
            return null;
        return $"ที่อยู่อีเมลไม่ถูกต้อง: \"{text}\"";
    }

    public MimeMessage ToMessage(OutboxMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = $"{mail.Id:N}@phatthana" };
        message.From.Add(new MailboxAddress(Options.FromName, Options.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        message.Date = mail.CreatedAt;
        var html = "<div style=\"font-family:Sarabun,Tahoma,sans-serif;font-size:16px;white-space:pre-wrap\">" +
                   Linkify(System.Net.WebUtility.HtmlEncode(mail.Body)) + "</div>";
        message.Body = new BodyBuilder { TextBody = mail.Body, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string Linkify(string encoded) =>
        System.Text.RegularExpressions.Regex.Replace(encoded, @"https?://[^\s<]+", m => $"<a href=\"{m.Value}\">{m.Value}</a>");

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..1000];
}

/// <summary>Runs <see cref="OutboxSender"/> whenever mail is written, and every few seconds for retries and other instances' mail.</summary>
public sealed class OutboxWorker(OutboxSender sender, OutboxSignal signal, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(Math.Max(0.2, sender.Options.PollSeconds));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                while (await sender.SendDueAsync(stop) == OutboxSender.BatchSize) { }
                await signal.WaitAsync(poll, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Outbox worker loop failed; trying again shortly");
                await Task.Delay(poll, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
