using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Phatthana.Web.Features.Notifications;

/// <summary>
/// A kind of notification: its code (stored), its Thai label (the inbox's filter), and its default Thai subject and body
/// with <c>{placeholders}</c>. Every template may use <c>{recipient}</c>, <c>{link}</c> (the page, as a whole address) and
/// <c>{due}</c>; the rest are the kind's own, which whoever raises it fills in.
/// </summary>
public sealed record NotificationKind(string Code, string Label, string Subject, string Body, params string[] Placeholders)
{
    public static readonly string[] Common = ["recipient", "link", "due"];

    public bool Knows(string placeholder) => Common.Contains(placeholder) || Placeholders.Contains(placeholder);
}

/// <summary>
/// Every kind there is, in one list. A workflow adds its own with one line here and raises it with one call
/// (<see cref="Notifier.RaiseAsync"/>).
/// </summary>
public static class NotificationKinds
{
    private const string Greeting = "เรียน {recipient}\n\n";
    private const string Footer = "\n\nดูรายละเอียด: {link}\n\n— ระบบพัฒนา (ข้อความอัตโนมัติ กรุณาอย่าตอบกลับ)";

    public static readonly NotificationKind RegistrationConfirmed = new("registration-confirmed", "ลงทะเบียนอบรม",
        "ลงทะเบียนสำเร็จ: {course} ({session})",
        Greeting + "ท่านได้รับที่นั่งในรุ่น {session} ของหลักสูตร {course} วันที่ {dates} ณ {venue}" + Footer, "course", "session", "dates", "venue");

    public static readonly NotificationKind RegistrationWaitlisted = new("registration-waitlisted", "ลงทะเบียนอบรม",
        "อยู่ในรายชื่อรอ: {course} ({session})",
        Greeting + "รุ่น {session} ของหลักสูตร {course} (วันที่ {dates}) เต็มแล้ว ท่านอยู่ในรายชื่อรอ ระบบจะแจ้งทันทีเมื่อได้ที่นั่ง" + Footer,
        "course", "session", "dates", "venue");

    public static readonly NotificationKind RegistrationPromoted = new("registration-promoted", "ลงทะเบียนอบรม",
        "ได้ที่นั่งแล้ว: {course} ({session})",
        Greeting + "มีที่นั่งว่างในรุ่น {session} ของหลักสูตร {course} ท่านซึ่งอยู่ในรายชื่อรอได้รับที่นั่งแล้ว วันที่ {dates} ณ {venue}" + Footer,
        "course", "session", "dates", "venue");

    public static readonly NotificationKind SessionReminder = new("session-reminder", "ลงทะเบียนอบรม",
        "ใกล้ถึงวันอบรม: {course} ({session}) วันที่ {dates}",
        Greeting + "ขอเตือนว่ารุ่น {session} ของหลักสูตร {course} ที่ท่านลงทะเบียนไว้ จะเริ่มวันที่ {dates} ณ {venue}" + Footer,
        "course", "session", "dates", "venue");

    public static readonly NotificationKind ResultsReady = new("results-ready", "ผลการอบรมและเกียรติบัตร",
        "ผลการอบรมออกแล้ว: {course} ({session})",
        Greeting + "ผลการอบรมรุ่น {session} ของหลักสูตร {course} อนุมัติแล้ว ท่านดูผลของท่านได้ในประวัติการพัฒนา" + Footer, "course", "session");

    public static readonly NotificationKind CertificateReady = new("certificate-ready", "ผลการอบรมและเกียรติบัตร",
        "เกียรติบัตรพร้อมแล้ว: {course} ({session})",
        Greeting + "เกียรติบัตรของท่านจากหลักสูตร {course} รุ่น {session} พร้อมให้ดาวน์โหลดแล้วในประวัติการพัฒนา" + Footer, "course", "session");

    public static readonly NotificationKind ResultsDue = new("results-due", "ผลการอบรมและเกียรติบัตร",
        "บันทึกผลการอบรม: {course} ({session}) {when}",
        Greeting + "รุ่น {session} ของหลักสูตร {course} จบการอบรมเมื่อ {ended} แต่ผลการอบรมยังไม่ได้บันทึกและอนุมัติ ({when})" + Footer,
        "course", "session", "ended", "when");

    public static readonly NotificationKind IdPlanSubmitted = new("id-plan-submitted", "แผนพัฒนาตนเอง (ID Plan)",
        "แผนพัฒนาตนเองรอพิจารณา: {person} ปีงบประมาณ {year}",
        Greeting + "{person} ส่งแผนพัฒนาตนเอง (ID Plan) ปีงบประมาณ {year} แล้ว รอท่านพิจารณาอนุมัติหรือส่งคืนเพื่อแก้ไข" + Footer, "person", "year");

    public static readonly NotificationKind IdPlanReturned = new("id-plan-returned", "แผนพัฒนาตนเอง (ID Plan)",
        "แผนพัฒนาตนเองถูกส่งคืนให้แก้ไข ปีงบประมาณ {year}",
        Greeting + "{decider} ส่งคืนแผนพัฒนาตนเองของ {person} ปีงบประมาณ {year} พร้อมความเห็น:\n{comment}\n\nกรุณาแก้ไขแล้วส่งอีกครั้ง" + Footer,
        "person", "year", "decider", "comment");

    public static readonly NotificationKind IdPlanApproved = new("id-plan-approved", "แผนพัฒนาตนเอง (ID Plan)",
        "แผนพัฒนาตนเองได้รับอนุมัติแล้ว ปีงบประมาณ {year}",
        Greeting + "{decider} อนุมัติแผนพัฒนาตนเองของ {person} ปีงบประมาณ {year} แล้ว" + Footer, "person", "year", "decider");

    public static readonly NotificationKind IdPlanDue = new("id-plan-due", "แผนพัฒนาตนเอง (ID Plan)",
        "ส่งแผนพัฒนาตนเอง ปีงบประมาณ {year} {when}",
        Greeting + "ท่านยังไม่ได้ส่งแผนพัฒนาตนเอง (ID Plan) ปีงบประมาณ {year} ({when}) กรุณาจัดทำและส่งให้ผู้บังคับบัญชาพิจารณา" + Footer, "year", "when");

    public static readonly NotificationKind RoundDue = new("assessment-round-due", "การประเมินตนเอง",
        "การประเมินตนเอง {round} {when}",
        Greeting + "รอบการประเมินตนเอง {round} ยังไม่ได้ส่ง ({when}) กรุณากรอกผลและหลักฐานให้ครบแล้วส่งรอบการประเมิน" + Footer, "round", "when");

    public static readonly NotificationKind SchoolDataStale = new("school-data-stale", "คุณภาพข้อมูล",
        "ปรับปรุงข้อมูลสถานศึกษา: {school} {when}",
        Greeting + "ข้อมูลของ{school} (นักเรียน บุคลากร อัตรา) ปรับปรุงครั้งล่าสุดเมื่อ {updated} ({when}) กรุณาตรวจสอบและปรับปรุงให้เป็นปัจจุบัน" + Footer,
        "school", "updated", "when");

    /// <summary>Awards and nominations (issue 11) raise these when they land.</summary>
    public static readonly NotificationKind NominationWindowOpen = new("nomination-open", "การเสนอชื่อและรางวัล",
        "เปิดรับการเสนอชื่อ: {award} ถึง {due}",
        Greeting + "เปิดรับการเสนอชื่อ {award} แล้ว ถึงวันที่ {due}" + Footer, "award");

    public static readonly NotificationKind ScoringDue = new("scoring-due", "การเสนอชื่อและรางวัล",
        "ให้คะแนนการเสนอชื่อ: {award} ภายใน {due}",
        Greeting + "มีผู้ได้รับการเสนอชื่อ {award} รอท่านให้คะแนน ภายในวันที่ {due}" + Footer, "award");

    /// <summary>The one mail a day of a user on the daily digest.</summary>
    public static readonly NotificationKind Digest = new("digest", "สรุปประจำวัน",
        "สรุปการแจ้งเตือนประจำวันที่ {date} ({count} รายการ)",
        Greeting + "การแจ้งเตือนของท่านตั้งแต่สรุปครั้งก่อน:\n\n{items}\n\nดูทั้งหมด: {link}\n\n— ระบบพัฒนา (ข้อความอัตโนมัติ กรุณาอย่าตอบกลับ)",
        "date", "count", "items");

    public static readonly IReadOnlyList<NotificationKind> All =
    [
        RegistrationConfirmed, RegistrationWaitlisted, RegistrationPromoted, SessionReminder, ResultsReady, CertificateReady, ResultsDue,
        IdPlanSubmitted, IdPlanReturned, IdPlanApproved, IdPlanDue, RoundDue, SchoolDataStale, NominationWindowOpen, ScoringDue, Digest,
    ];

    private static readonly Dictionary<string, NotificationKind> ByCode = All.ToDictionary(k => k.Code);

    public static NotificationKind? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var k) ? k : null;

    /// <summary>The labels to filter the inbox by, each with the codes it covers.</summary>
    public static IEnumerable<IGrouping<string, NotificationKind>> Groups => All.Where(k => k != Digest).GroupBy(k => k.Label);
}

/// <summary>A kind's subject and body as rendered for one recipient, and what was wrong with a configured template if anything.</summary>
public sealed record RenderedText(string Subject, string Body, string? Problem);

/// <summary>
/// The templates in use: each kind's default, or the one configured under <c>Phatthana:Notifications:Templates:{code}:Subject</c>
/// and <c>…:Body</c>. A configured template naming a placeholder the kind does not have is not used: the default is, and the
/// problem is kept on the event and the mail for an admin (and logged) — the notification is never lost for it.
/// </summary>
public sealed partial class NotificationTemplates(IConfiguration configuration, ILogger<NotificationTemplates> log)
{
    private readonly ConcurrentDictionary<string, (string Subject, string Body, string? Problem)> _chosen = new();

    public RenderedText Render(NotificationKind kind, IReadOnlyDictionary<string, string?> values)
    {
        var (subject, body, problem) = _chosen.GetOrAdd(kind.Code, _ => Choose(kind));
        return new RenderedText(Fill(subject, values), Fill(body, values), problem);
    }

    private (string, string, string?) Choose(NotificationKind kind)
    {
        var section = configuration.GetSection($"Phatthana:Notifications:Templates:{kind.Code}");
        var subject = section["Subject"] is { Length: > 0 } s ? s : kind.Subject;
        var body = section["Body"] is { Length: > 0 } b ? b : kind.Body;
        var unknown = Placeholders(subject).Concat(Placeholders(body)).Where(p => !kind.Knows(p)).Distinct().ToList();
        if (unknown.Count == 0) return (subject, body, null);
        var problem = $"แม่แบบ \"{kind.Code}\" ที่ตั้งค่าไว้มีช่องที่ไม่รู้จัก {string.Join(", ", unknown.Select(u => "{" + u + "}"))} — ใช้แม่แบบเริ่มต้นแทน";
        log.LogWarning("Notification template {Kind} names unknown placeholders {Unknown}; the default template is used", kind.Code, unknown);
        return (kind.Subject, kind.Body, problem);
    }

    public static IEnumerable<string> Placeholders(string template) => Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>Each <c>{name}</c> replaced by its value; a value not given is left empty.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v ?? "" : "");

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
