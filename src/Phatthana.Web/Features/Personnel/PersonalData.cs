using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Audit;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Personnel;

/// <summary>One part of what the system holds on a person: a Thai title and its rows, each row its stored fields.</summary>
public sealed record PersonalDataSection(string Key, string Title, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

/// <summary>
/// Everything the system holds on one person (PDPA access request), found by the national ID on their account: their
/// personnel records in every area, career history, training registrations (certificates are issued from these),
/// external completions, ID Plans and their parts, needs-survey answers, nominations for awards, the audit log's entries
/// about their records, and their account. Rows are read as stored (every column, no navigation), with the system's
/// scope, but only rows keyed to the caller's own records.
/// </summary>
public sealed class PersonalDataExport(IServiceScopeFactory scopes)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Converters = { new JsonStringEnumConverter() }, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<IReadOnlyList<PersonalDataSection>> CollectAsync(string userId, string? nationalId, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sections = new List<PersonalDataSection>
        {
            Section("account", "บัญชีผู้ใช้งาน", await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.Email, u.DisplayName, u.Role, u.NationalId, u.SchoolId, u.IsActive, u.NotificationEmail }).ToListAsync(ct)),
        };
        if (nationalId is { Length: > 0 })
        {
            var people = await db.People.AsNoTracking().Where(p => p.NationalId == nationalId).ToListAsync(ct);
            var ids = people.Select(p => p.Id).ToList();
            var keys = ids.Select(i => i.ToString()).ToList();
            sections.Add(Section("person", "ข้อมูลบุคลากร", people));
            sections.Add(Section("history", "ประวัติการดำรงตำแหน่ง", await db.PersonHistory.AsNoTracking().Where(h => ids.Contains(h.PersonId)).OrderBy(h => h.EffectiveDate).ToListAsync(ct)));
            sections.Add(Section("registrations", "การลงทะเบียนอบรมและเกียรติบัตร", await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)));
            sections.Add(Section("externalCompletions", "การพัฒนาจากภายนอก", await db.ExternalCompletions.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)));
            var plans = await db.IdPlans.AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToListAsync(ct);
            var planIds = plans.Select(p => p.Id).ToList();
            sections.Add(Section("idPlans", "แผนพัฒนาตนเอง (ID Plan)", plans));
            sections.Add(Section("idPlanCompetencies", "สมรรถนะในแผนพัฒนาตนเอง", await db.IdPlanCompetencies.AsNoTracking().Where(c => planIds.Contains(c.PlanId)).ToListAsync(ct)));
            sections.Add(Section("idPlanNeeds", "ความต้องการพัฒนาในแผนพัฒนาตนเอง", await db.IdPlanNeeds.AsNoTracking().Where(c => planIds.Contains(c.PlanId)).ToListAsync(ct)));
            sections.Add(Section("needResponses", "คำตอบแบบสำรวจความต้องการพัฒนา", await db.NeedResponses.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)));
            sections.Add(Section("nominations", "การเสนอชื่อรับรางวัล", await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.PersonId)).ToListAsync(ct)));
            sections.Add(Section("audit", "บันทึกการแก้ไขข้อมูลของฉัน", await db.AuditEntries.AsNoTracking()
                .Where(a => a.Entity == nameof(Person) && keys.Contains(a.EntityKey)).OrderBy(a => a.At).ToListAsync(ct)));
        }
        return sections;
    }

    /// <summary>The rows' own columns (strings, numbers, dates, enums, lists of them); navigations are left out.</summary>
    private static PersonalDataSection Section<T>(string key, string title, IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => IsValue(p.PropertyType)).ToList();
        return new PersonalDataSection(key, title, rows.Select(r => (IReadOnlyDictionary<string, object?>)properties.ToDictionary(
            p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.GetValue(r))).ToList());
    }

    private static bool IsValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly)) return true;
        return t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) && IsValue(t.GetGenericArguments()[0]);
    }

    public static byte[] ToJson(IReadOnlyList<PersonalDataSection> sections, DateTimeOffset at) =>
        JsonSerializer.SerializeToUtf8Bytes(new { exportedAt = at, sections = sections.ToDictionary(s => s.Key, s => new { s.Title, s.Rows }) }, Json);

    /// <summary>
    /// The columns the page shows of a row: the stored keys that only link rows to each other (ids, versions, file hashes)
    /// are left to the downloads, which keep every column.
    /// </summary>
    public static IEnumerable<string> PageColumns(IReadOnlyDictionary<string, object?> row) =>
        row.Where(c => !(c.Key == "id" || c.Key == "version" || c.Key == "sha256" || c.Key == "storedName"
                         || (c.Key.EndsWith("Id", StringComparison.Ordinal) && c.Key != "nationalId" && c.Value is null or Guid)))
            .Select(c => c.Key);

    private static readonly Dictionary<string, string> Headers = new()
    {
        ["email"] = "อีเมล", ["displayName"] = "ชื่อที่แสดง", ["role"] = "บทบาท", ["nationalId"] = "เลขประจำตัวประชาชน", ["isActive"] = "ใช้งานอยู่",
        ["notificationEmail"] = "รับการแจ้งเตือนทางอีเมล", ["title"] = "คำนำหน้า / ชื่อเรื่อง", ["firstName"] = "ชื่อ", ["lastName"] = "นามสกุล",
        ["gender"] = "เพศ", ["birthDate"] = "วันเกิด", ["position"] = "ตำแหน่ง", ["academicStanding"] = "วิทยฐานะ", ["positionNumber"] = "เลขที่ตำแหน่ง",
        ["startDate"] = "วันที่เริ่ม", ["endDate"] = "วันที่สิ้นสุด", ["status"] = "สถานะ", ["statusDate"] = "วันที่ของสถานะ", ["major"] = "วิชาเอก",
        ["subjectArea"] = "กลุ่มสาระ", ["teachingLevel"] = "ระดับที่สอน", ["degree"] = "วุฒิการศึกษา", ["salary"] = "เงินเดือน", ["phone"] = "โทรศัพท์",
        ["effectiveDate"] = "วันที่มีผล", ["event"] = "รายการ", ["workplace"] = "ที่ทำงาน", ["note"] = "หมายเหตุ", ["notes"] = "หมายเหตุ",
        ["requestedAt"] = "ลงทะเบียนเมื่อ", ["registeredBy"] = "ลงทะเบียนโดย", ["overrideReason"] = "เหตุผลการยกเว้นเงื่อนไข", ["attended"] = "เข้าร่วม",
        ["hours"] = "ชั่วโมง", ["preTest"] = "คะแนนก่อนอบรม", ["postTest"] = "คะแนนหลังอบรม", ["passed"] = "ผ่าน", ["certificateNumber"] = "เลขที่เกียรติบัตร",
        ["certificateCode"] = "รหัสตรวจสอบเกียรติบัตร", ["certificateIssuedAt"] = "ออกเกียรติบัตรเมื่อ", ["cancelledAt"] = "ยกเลิกเมื่อ", ["source"] = "แหล่ง",
        ["completedOn"] = "วันที่สำเร็จ", ["cost"] = "ค่าใช้จ่าย", ["fiscalYear"] = "ปีงบประมาณ", ["goal"] = "เป้าหมาย", ["submittedAt"] = "ส่งเมื่อ",
        ["decidedAt"] = "พิจารณาเมื่อ", ["decidedBy"] = "พิจารณาโดย", ["decisionNote"] = "ความเห็น", ["level"] = "ระดับ", ["priority"] = "ลำดับความสำคัญ",
        ["methods"] = "วิธีการพัฒนา", ["plannedStart"] = "เริ่ม (แผน)", ["plannedEnd"] = "สิ้นสุด (แผน)", ["expectedOutcome"] = "ผลที่คาดหวัง",
        ["statement"] = "ผลงานที่เสนอ", ["noDisciplinaryRecord"] = "ไม่เคยถูกลงโทษทางวินัย", ["nominatedBy"] = "เสนอชื่อโดย", ["nominatedAt"] = "เสนอชื่อเมื่อ",
        ["total"] = "คะแนนรวม", ["rank"] = "ลำดับ", ["awarded"] = "ได้รับรางวัล", ["at"] = "เวลา", ["userName"] = "ผู้ทำรายการ", ["entity"] = "ข้อมูล",
        ["entityKey"] = "รหัสข้อมูล", ["action"] = "การกระทำ", ["before"] = "ก่อนแก้ไข", ["after"] = "หลังแก้ไข", ["address"] = "ที่อยู่เครื่อง",
        ["updatedAt"] = "แก้ไขล่าสุด", ["createdAt"] = "สร้างเมื่อ", ["teachingSubjectAreas"] = "กลุ่มสาระที่สอน", ["recordedAt"] = "บันทึกเมื่อ",
        ["daysAttended"] = "วันที่เข้าร่วม", ["certificateRevokedAt"] = "เพิกถอนเกียรติบัตรเมื่อ", ["certificateRevokedReason"] = "เหตุผลการเพิกถอน",
        ["returnComment"] = "ความเห็นเมื่อส่งคืน", ["method"] = "รูปแบบ", ["answer"] = "คำตอบ", ["answeredAt"] = "ตอบเมื่อ",
    };

    /// <summary>A column's Thai heading on the page (the downloads keep the stored names); an unnamed one shows its stored name.</summary>
    public static string Header(string key) => Headers.GetValueOrDefault(key, key);

    /// <summary>A value as the page shows it: dates in the Buddhist era, coded values in Thai, lists joined, nothing as a dash.</summary>
    public static string Show(object? value) => value switch
    {
        null => "–",
        Gender g => PersonnelText.Label(g),
        Position p => PersonnelText.Label(p),
        AcademicStanding a => PersonnelText.Label(a),
        PersonStatus st => PersonnelText.Label(st),
        SubjectArea sa => PersonnelText.Label(sa),
        TeachingLevel tl => PersonnelText.Label(tl),
        HistoryEvent e => PersonnelText.Label(e),
        Accounts.Role r => Accounts.AccountsText.Label(r),
        Training.RegistrationStatus rs => Training.TrainingText.Label(rs),
        Training.DevelopmentMethod dm => Training.TrainingText.Label(dm),
        Development.IdPlanStatus ip => Development.DevelopmentText.Label(ip),
        Notifications.EmailPreference ep => Notifications.Inbox.Label(ep),
        DateOnly d => Shared.Thai.ThaiDate.Short(d),
        DateTimeOffset t => Shared.Thai.ThaiDate.ShortDateTime(t),
        System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object?>().Select(Show)),
        bool b => b ? "ใช่" : "ไม่ใช่",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "–",
    };
}

/// <summary>
/// Retention of people who left (status Retired or Transferred): <c>Phatthana:Retention:YearsAfterLeaving</c> years
/// (10 by default) after their status date, their personal fields are anonymised — name kept as initials ("ส. ใ."),
/// national ID replaced by a number no real ID has (it starts with 0), birth date, gender and history notes cleared, and
/// the audit log's before/after values of their record redacted. Kept: position, standing, school, dates, training
/// registrations and hours (the area's statistics and other people's records stay whole). Each anonymisation is one
/// <see cref="AuditAction.Anonymise"/> entry. Runs as the system (a SystemAdmin's action), in one transaction.
/// </summary>
public sealed class Retention(AppDbContext db, IConfiguration configuration, TimeProvider time)
{
    public const int DefaultYears = 10;
    public const string Redacted = "{\"redacted\":\"retention\"}";

    public int Years => configuration.GetValue("Phatthana:Retention:YearsAfterLeaving", DefaultYears) is var y and >= 1 ? y : DefaultYears;

    public DateOnly Cutoff => DateOnly.FromDateTime(time.GetLocalNow().Date).AddYears(-Years);

    public sealed record RetentionDto(int YearsAfterLeaving, DateOnly LeftOnOrBefore, int Due, int Anonymised);

    private IQueryable<Person> Due()
    {
        var cutoff = Cutoff;
        return db.People.Where(p => p.Status != PersonStatus.Active && p.StatusDate != null && p.StatusDate <= cutoff && !p.NationalId.StartsWith("0"));
    }

    public async Task<RetentionDto> PreviewAsync(CancellationToken ct = default) => new(Years, Cutoff, await Due().CountAsync(ct), 0);

    public async Task<RetentionDto> AnonymiseAsync(string? userId, string? userName, CancellationToken ct = default)
    {
        var due = await Due().Select(p => new { p.Id, p.AreaId, p.FirstName, p.LastName }).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in due)
        {
            // ExecuteUpdate, not SaveChanges: the audit interceptor would copy the old name and ID into a new entry.
            var (first, last, id, key) = (Initial(p.FirstName), Initial(p.LastName), AnonymousId(p.Id), p.Id.ToString());
            await db.People.Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.FirstName, first).SetProperty(x => x.LastName, last).SetProperty(x => x.NationalId, id)
                .SetProperty(x => x.BirthDate, (DateOnly?)null).SetProperty(x => x.Gender, (Gender?)null).SetProperty(x => x.Version, x => x.Version + 1), ct);
            await db.PersonHistory.Where(h => h.PersonId == p.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.Note, (string?)null), ct);
            await db.AuditEntries.Where(a => a.Entity == nameof(Person) && a.EntityKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Before, a => a.Before == null ? null : Redacted).SetProperty(a => a.After, a => a.After == null ? null : Redacted), ct);
            db.AuditEntries.Add(new AuditEntry
            {
                At = time.GetUtcNow(), UserId = userId, UserName = userName, AreaId = p.AreaId, Entity = nameof(Person), EntityKey = key,
                Action = AuditAction.Anonymise, After = JsonSerializer.Serialize(new { reason = "retention", yearsAfterLeaving = Years }),
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RetentionDto(Years, Cutoff, due.Count, due.Count);
    }

    /// <summary>The first letter of a name and a dot; Thai leading vowels (เ แ โ ใ ไ) are skipped: "เกียรติ" → "ก.".</summary>
    public static string Initial(string name)
    {
        var letter = name.Trim().FirstOrDefault(c => c is not ('\u0E40' or '\u0E41' or '\u0E42' or '\u0E43' or '\u0E44') && char.IsLetter(c));
        return letter == default ? "-" : letter + ".";
    }

    /// <summary>Thirteen digits starting with 0 (no Thai national ID does), fixed by the record's id.</summary>
    public static string AnonymousId(Guid id) => "0" + (BitConverter.ToUInt64(id.ToByteArray(), 0) % 1_000_000_000_000UL).ToString("D12");

    public static RouteGroupBuilder MapRetentionApi(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/retention").WithTags("Personal data").RequireAuthorization(Policies.SystemAdmin);
        group.MapGet("", async (Retention r, CancellationToken ct) => TypedResults.Ok(await r.PreviewAsync(ct)))
            .WithSummary("Retention of people who left: the setting (years after leaving), the date it reaches, how many records are due");
        group.MapPost("/anonymise", async (Retention r, UserScope scope, CancellationToken ct) => TypedResults.Ok(await r.AnonymiseAsync(scope.UserId, scope.UserName, ct)))
            .WithSummary("Anonymises every record due (name as initials, national ID replaced, birth date, gender and notes cleared, audit values redacted); audited");
        api.MapGet("/me/data", async (PersonalDataExport export, UserScope scope, TimeProvider time, CancellationToken ct) =>
                TypedResults.File(PersonalDataExport.ToJson(await export.CollectAsync(scope.UserId!, scope.SelfNationalId, ct), time.GetUtcNow()),
                    "application/json", "my-data.json"))
            .RequireAuthorization(Policies.SignedIn).WithTags("Personal data")
            .WithSummary("Everything the system holds on the signed-in person (account, records, history, trainings, ID Plans, surveys, awards, audit entries) as JSON");
        return api;
    }
}
