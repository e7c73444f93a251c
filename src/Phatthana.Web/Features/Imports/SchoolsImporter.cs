using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Organisation.Schools;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Imports;

/// <summary>
/// Schools from a file. The 10-digit code is the key: a school already in the area is updated, a new one added;
/// districts and networks named for the first time are added to the area, as the school form does.
/// </summary>
public sealed class SchoolsImporter(Organisation.Networks.NetworkMemberships memberships) : Importer
{
    public override ImportKind Kind => ImportKind.Schools;

    private static readonly IReadOnlyDictionary<string, object> TypeWords = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
    {
        ["ประถม"] = SchoolType.Primary, ["ขยายโอกาส"] = SchoolType.ExtendedOpportunity, ["มัธยม"] = SchoolType.Secondary,
        ["โรงเรียนขยายโอกาสทางการศึกษา"] = SchoolType.ExtendedOpportunity,
    };

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("code", T.SchoolCode, true, "ตัวเลข 10 หลัก (จัดรูปแบบเป็นข้อความ)", AsText: true, "รหัสสถานศึกษา", "school_id", "รหัสโรงเรียน"),
        new("name", T.SchoolName, true, "", false, "ชื่อโรงเรียน"),
        new("type", T.SchoolTypeLabel, true, string.Join(", ", Enum.GetValues<SchoolType>().Select(T.Label)), false, "ประเภท"),
        new("district", T.District, true, "อำเภอใหม่จะถูกเพิ่มให้"),
        new("network", T.Network, false, "กลุ่มเครือข่ายใหม่จะถูกเพิ่มให้", false, "เครือข่าย"),
        new("smisCode", T.SmisCode, false, "ตัวเลข 8 หลัก", AsText: true, "รหัส SMIS"),
        new("obecCode", T.ObecCode, false, "ตัวเลข 6 หลัก", AsText: true, "รหัส OBEC"),
    ];

    public override async Task<ImportResult> RunAsync(ImportContext context, SheetStream sheet, CancellationToken ct)
    {
        if (!HasRequiredColumns(context, sheet)) return Failed(context);
        var db = context.Db;
        // Codes are unique across every area, so the duplicate checks look past the caller's scope.
        var all = await db.Schools.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.Id, s.AreaId, s.Code, s.SmisCode, s.ObecCode }).ToListAsync(ct);
        var byCode = all.ToDictionary(s => s.Code);
        var smisOwner = all.Where(s => s.SmisCode != null).GroupBy(s => s.SmisCode!).ToDictionary(g => g.Key, g => g.First().Code);
        var obecOwner = all.Where(s => s.ObecCode != null).GroupBy(s => s.ObecCode!).ToDictionary(g => g.Key, g => g.First().Code);
        var seen = new Dictionary<string, Dictionary<string, int>> { ["code"] = [], ["smisCode"] = [], ["obecCode"] = [] };
        var pending = new List<(SchoolInput Input, Guid? Id)>();

        foreach (var row in Rows(context, sheet))
        {
            var firstError = context.Errors.Count;
            TryEnum<SchoolType>(context, row, "type", T.SchoolTypeLabel, T.Label, TypeWords, out var type);
            var input = new SchoolInput
            {
                Code = Digits(row["code"]), Name = row["name"], Type = type, District = row["district"], Network = row["network"],
                SmisCode = Digits(row["smisCode"]), ObecCode = Digits(row["obecCode"]),
            };
            if (input.ObecCode is { Length: 5 } five)
            {
                input.ObecCode = "0" + five;
                context.Note(row.Row, "obecCode", $"รหัส OBEC {five} อ่านเป็น 0{five} (เลข 0 ข้างหน้าหายไปเพราะ Excel เก็บเป็นตัวเลข)");
            }
            context.AddRowErrors(row.Row, firstError, SaveSchool.Validate(input));
            if (context.Errors.Count > firstError) continue;
            var code = input.Code!.Trim();
            var known = byCode.GetValueOrDefault(code);
            if (known is not null && known.AreaId != context.Area.Id)
            {
                context.Error(row.Row, "code", $"รหัสสถานศึกษา {code} เป็นของสถานศึกษาในเขตพื้นที่อื่น");
                continue;
            }
            foreach (var (field, value) in new[] { ("code", code), ("smisCode", input.SmisCode), ("obecCode", input.ObecCode) })
            {
                if (value is null) continue;
                if (seen[field].TryGetValue(value, out var first)) context.Error(row.Row, field, $"รหัส {value} ซ้ำกับแถว {first} ในไฟล์นี้");
                else seen[field][value] = row.Row;
            }
            if (input.SmisCode is { } smis && smisOwner.TryGetValue(smis, out var smisOf) && smisOf != code)
                context.Error(row.Row, "smisCode", $"{T.DuplicateSmisCode} (รหัส {smisOf})");
            if (input.ObecCode is { } obec && obecOwner.TryGetValue(obec, out var obecOf) && obecOf != code)
                context.Error(row.Row, "obecCode", $"{T.DuplicateObecCode} (รหัส {obecOf})");
            if (context.Errors.Count == firstError) pending.Add((input, known?.Id));
        }
        if (context.Errors.Count > 0) return Failed(context);

        var (created, updated) = (0, 0);
        var saved = await context.WriteAsync(pending.Count, async writer =>
        {
            foreach (var chunk in pending.Chunk(ImportContext.ChunkSize))
            {
                var ids = chunk.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
                var tracked = await db.Schools.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
                foreach (var (input, id) in chunk)
                {
                    if (id is { } existing && tracked.TryGetValue(existing, out var school)) updated++;
                    else
                    {
                        school = new School { AreaId = context.Area.Id, Code = "", Name = "" };
                        db.Schools.Add(school);
                        created++;
                    }
                    school.Code = input.Code!.Trim();
                    school.Name = Checks.Clean(input.Name)!;
                    school.Type = input.Type!.Value;
                    school.SmisCode = input.SmisCode;
                    school.ObecCode = input.ObecCode;
                    school.DistrictId = (await AreaLookups.DistrictAsync(db, context.Area.Id, input.District!, ct)).Id;
                    await memberships.MoveAsync(school, Checks.Clean(input.Network) is { } n ? await AreaLookups.NetworkAsync(db, context.Area.Id, n, ct) : null, ct);
                    await writer.RowDoneAsync(ct);
                }
            }
        }, ct);
        return saved ? new ImportResult(context.Rows, created, updated, [], context.Notes) : Failed(context);
    }

    private static string? Digits(string? raw) => SheetReader.CodeText(Checks.Clean(raw)) is { Length: > 0 } s ? s : null;
}
