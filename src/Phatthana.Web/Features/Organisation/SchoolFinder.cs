using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Organisation;

/// <summary>A school as the imports and forms need it: its keys and name.</summary>
public sealed record SchoolRef(Guid Id, string Code, string Name, SchoolType Type);

/// <summary>
/// Finds a school of an area by any of its three codes — the 10-digit school code, the 8-digit SMIS code or the
/// 6-digit OBEC code — as files from OBEC's systems name schools in any of them. Only schools the caller may see are
/// found (the query filters apply), so a director's file cannot reach another school.
/// </summary>
public sealed class SchoolFinder
{
    private readonly Dictionary<string, SchoolRef> _byCode = new(StringComparer.Ordinal);

    private SchoolFinder(IEnumerable<(SchoolRef School, string? Smis, string? Obec)> rows)
    {
        foreach (var (school, smis, obec) in rows)
        {
            _byCode[school.Code] = school;
            if (smis is not null) _byCode.TryAdd(smis, school);
            if (obec is not null) _byCode.TryAdd(obec, school);
        }
    }

    public IEnumerable<SchoolRef> All => _byCode.Values.Distinct();

    /// <summary>Every school of the area the caller may see.</summary>
    public static async Task<SchoolFinder> ForAreaAsync(AppDbContext db, Guid areaId, CancellationToken ct = default) =>
        new((await db.Schools.AsNoTracking().Where(s => s.AreaId == areaId)
                .Select(s => new { s.Id, s.Code, s.Name, s.Type, s.SmisCode, s.ObecCode }).ToListAsync(ct))
            .Select(s => (new SchoolRef(s.Id, s.Code, s.Name, s.Type), s.SmisCode, s.ObecCode)));

    /// <summary>Only the schools named by <paramref name="codes"/> (a form or an API call names one).</summary>
    public static async Task<SchoolFinder> ForCodesAsync(AppDbContext db, Guid areaId, IEnumerable<string?> codes, CancellationToken ct = default)
    {
        var wanted = codes.Select(Clean).Where(c => c.Length > 0).SelectMany(c => c.Length == 5 ? [c, "0" + c] : new[] { c }).Distinct().ToList();
        if (wanted.Count == 0) return new([]);
        return new((await db.Schools.AsNoTracking()
                .Where(s => s.AreaId == areaId && (wanted.Contains(s.Code) || wanted.Contains(s.SmisCode!) || wanted.Contains(s.ObecCode!)))
                .Select(s => new { s.Id, s.Code, s.Name, s.Type, s.SmisCode, s.ObecCode }).ToListAsync(ct))
            .Select(s => (new SchoolRef(s.Id, s.Code, s.Name, s.Type), s.SmisCode, s.ObecCode)));
    }

    /// <summary>
    /// The school a code names, or null. A 5-digit code is an OBEC code whose leading zero a spreadsheet dropped; it is
    /// read with the zero put back and <paramref name="note"/> says so.
    /// </summary>
    public SchoolRef? Find(string? raw, out string? note)
    {
        note = null;
        var code = Clean(raw);
        if (code.Length == 0) return null;
        if (_byCode.TryGetValue(code, out var school)) return school;
        if (code.Length == 5 && _byCode.TryGetValue("0" + code, out school))
        {
            note = $"รหัส {code} อ่านเป็นรหัส OBEC 0{code} (เลข 0 ข้างหน้าหายไปเพราะ Excel เก็บเป็นตัวเลข — ควรจัดรูปแบบคอลัมน์เป็นข้อความ)";
            return school;
        }
        return null;
    }

    /// <summary>The Thai message for a code that names no school of the area.</summary>
    public static string Unknown(string? raw) =>
        $"ไม่พบสถานศึกษารหัส \"{raw?.Trim()}\" ในเขตพื้นที่นี้ (ใช้รหัส 10 หลัก, รหัส SMIS 8 หลัก หรือรหัส OBEC 6 หลัก)";

    private static string Clean(string? raw) => Shared.Reporting.SheetReader.CodeText(raw);

    /// <summary>One school by id, as the imports name it (a director's own school, a job's school).</summary>
    public static Task<SchoolRef?> ByIdAsync(AppDbContext db, Guid id, CancellationToken ct = default) =>
        db.Schools.AsNoTracking().Where(s => s.Id == id).Select(s => new SchoolRef(s.Id, s.Code, s.Name, s.Type)).FirstOrDefaultAsync(ct);
}
