using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>A survey round as sent: its name, fiscal year (พ.ศ.), optional window and target positions (none = everyone).</summary>
public sealed record NeedsSurveyInput
{
    public string? Name { get; init; }
    public int? FiscalYear { get; init; }
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public List<string>? TargetPositions { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// Creates and changes a needs survey round (the area's staff). Once someone has answered, its fiscal year stays: the
/// answers and the plans that count as answers are of that year.
/// </summary>
public sealed class SaveNeedsSurvey(AppDbContext db)
{
    public async Task<Outcome<NeedsSurvey>> CreateAsync(Area area, NeedsSurveyInput input, CancellationToken ct = default)
    {
        var (positions, errors) = Read(input);
        if (errors.Count > 0) return Outcome<NeedsSurvey>.Invalid(errors);
        var survey = new NeedsSurvey { AreaId = area.Id, Name = "" };
        Apply(survey, input, positions);
        db.NeedsSurveys.Add(survey);
        return await db.TrySaveAsync(survey, "", "", ct);
    }

    public async Task<Outcome<NeedsSurvey>> UpdateAsync(NeedsSurvey survey, NeedsSurveyInput input, CancellationToken ct = default)
    {
        var (positions, errors) = Read(input);
        if (errors.Count > 0) return Outcome<NeedsSurvey>.Invalid(errors);
        if (input.FiscalYear != survey.FiscalYear && await db.NeedResponses.IgnoreQueryFilters().AnyAsync(r => r.SurveyId == survey.Id, ct))
            return Outcome<NeedsSurvey>.Invalid([new("fiscalYear", $"มีผู้ตอบแบบสำรวจนี้แล้ว จึงเปลี่ยนปีงบประมาณจาก {survey.FiscalYear} ไม่ได้ — สร้างแบบสำรวจใหม่สำหรับปีอื่น")]);
        if (input.Version is { } v)
        {
            db.Entry(survey).Property(s => s.Version).OriginalValue = v;
            db.Entry(survey).Property(s => s.Version).IsModified = true;
        }
        Apply(survey, input, positions);
        return await db.TrySaveAsync(survey, "", "", ct);
    }

    public static (List<Position> Positions, List<FieldError> Errors) Read(NeedsSurveyInput input)
    {
        var checks = new Checks().Text(input.Name, "name", "ชื่อแบบสำรวจ", DataSchema.NameLength);
        if (input.FiscalYear is not { } year) checks.Add("fiscalYear", "กรุณาระบุปีงบประมาณ");
        else if (!SchoolCalendar.IsPlausibleBuddhistYear(year)) checks.AddRange([SchoolCalendar.BadYear("fiscalYear", "ปีงบประมาณ", year.ToString())]);
        if (input is { OpensOn: { } opens, ClosesOn: { } closes } && closes < opens)
            checks.Add("closesOn", $"วันปิดรับคำตอบ ({ThaiDate.Short(closes)}) ต้องไม่ก่อนวันเปิด ({ThaiDate.Short(opens)})");
        var positions = new List<Position>();
        foreach (var (p, i) in (input.TargetPositions ?? []).Select((p, i) => (p, i)))
            if (EnumText.TryParse(p, PersonnelText.Label, out Position position, PersonnelText.Synonyms)) { if (!positions.Contains(position)) positions.Add(position); }
            else checks.Add($"targetPositions[{i}]", $"ไม่รู้จักตำแหน่ง \"{p}\" — {EnumText.Allowed<Position>(PersonnelText.Label)}");
        return (positions, [.. checks.Errors]);
    }

    private static void Apply(NeedsSurvey survey, NeedsSurveyInput input, List<Position> positions)
    {
        survey.Name = Checks.Clean(input.Name)!;
        survey.FiscalYear = input.FiscalYear!.Value;
        survey.OpensOn = input.OpensOn;
        survey.ClosesOn = input.ClosesOn;
        if (!survey.TargetPositions.SequenceEqual(positions)) survey.TargetPositions = positions;
    }
}
