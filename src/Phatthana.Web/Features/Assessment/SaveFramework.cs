using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Data.Configurations;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment;

/// <summary>
/// Frameworks: a new code is added as revision 1; a change to a code whose current revision no round uses is made in
/// place, otherwise it becomes the next revision and the rounds keep the one they began on.
/// </summary>
public sealed class SaveFramework(AppDbContext db)
{
    public const string DuplicateCode = "มีกรอบการประเมินรหัสนี้แล้ว — แก้ไขด้วย PUT /api/v1/frameworks/{code}";

    /// <summary>Codes the pages' own addresses take (/assessment/frameworks/new, …/import): a framework under one could not be opened.</summary>
    public static readonly IReadOnlyList<string> ReservedCodes = ["new", "import"];

    public static Task<Framework?> CurrentAsync(AppDbContext db, string code, CancellationToken ct = default) =>
        db.Frameworks.Where(f => f.Code == code).OrderByDescending(f => f.Revision).FirstOrDefaultAsync(ct);

    public async Task<Outcome<Framework>> CreateAsync(FrameworkInput? input, bool shipped = false, CancellationToken ct = default)
    {
        var read = FrameworkDocument.Read(input);
        if (!read.Succeeded) return Outcome<Framework>.Invalid(read.Errors);
        var (code, name, definition) = read.Value;
        if (ReservedCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
            return Outcome<Framework>.Invalid([new("code", $"ใช้รหัส \"{code}\" ไม่ได้ เพราะเป็นชื่อหน้าของระบบ — กรุณาเลือกรหัสอื่น")]);
        if (await db.Frameworks.AnyAsync(f => f.Code == code, ct)) return Outcome<Framework>.Duplicate("code", DuplicateCode);
        var framework = new Framework { Code = code, Name = name, Definition = definition, IsShipped = shipped };
        db.Frameworks.Add(framework);
        return await db.TrySaveAsync(framework, "code", DuplicateCode, ct);
    }

    /// <summary>
    /// Changes <paramref name="current"/> (tracked): refused when the caller edited an older revision, or — with
    /// <paramref name="version"/>, the one the caller read — when the revision was changed in place since. A document
    /// the same as the current one saves nothing, so an unchanged form or re-imported export adds no revision.
    /// </summary>
    public async Task<Outcome<Framework>> ReviseAsync(Framework current, FrameworkInput? input, int? version = null, CancellationToken ct = default)
    {
        var read = FrameworkDocument.Read(input is null ? null : input with { Code = input.Code ?? current.Code });
        if (!read.Succeeded) return Outcome<Framework>.Invalid(read.Errors);
        var (code, name, definition) = read.Value;
        if (code != current.Code) return Outcome<Framework>.Invalid([new("code", "เปลี่ยนรหัสกรอบการประเมินไม่ได้ — เพิ่มเป็นกรอบใหม่แทน")]);
        if (input!.Revision is { } asked && asked != current.Revision)
            return Outcome<Framework>.Duplicate("", $"กรอบการประเมินนี้มีฉบับที่ {current.Revision} แล้ว (คุณแก้จากฉบับที่ {asked}) — โหลดใหม่แล้วแก้อีกครั้ง");
        if (version is { } seen && seen != current.Version) return Outcome<Framework>.Duplicate("", SaveOutcome.ConcurrencyMessage);
        if (name == current.Name && Same(definition, current.Definition)) return Outcome<Framework>.Ok(current);
        if (await db.AssessmentRounds.AnyAsync(r => r.FrameworkId == current.Id, ct))
        {
            var next = new Framework { Code = code, Name = name, Definition = definition, Revision = current.Revision + 1 };
            db.Frameworks.Add(next);
            return await db.TrySaveAsync(next, "", SaveOutcome.SimultaneousMessage, ct);
        }
        current.Name = name;
        current.Definition = definition;
        current.IsShipped = false;
        return await db.TrySaveAsync(current, "", "", ct);
    }

    private static bool Same(FrameworkDefinition a, FrameworkDefinition b) =>
        JsonSerializer.Serialize(a, FrameworkConfiguration.Json) == JsonSerializer.Serialize(b, FrameworkConfiguration.Json);
}

/// <summary>The two frameworks shipped with the system, transcribed from the offices' own reports; added once to a database that lacks their code.</summary>
public static class ShippedFrameworks
{
    public static IEnumerable<FrameworkInput> Documents()
    {
        var assembly = typeof(ShippedFrameworks).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Phatthana.Frameworks.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return JsonSerializer.Deserialize<FrameworkInput>(stream, FrameworkConfiguration.Json)!;
        }
    }

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct = default)
    {
        var save = new SaveFramework(db);
        foreach (var document in Documents())
        {
            if (await db.Frameworks.AnyAsync(f => f.Code == document.Code, ct)) continue;
            var saved = await save.CreateAsync(document, shipped: true, ct);
            if (!saved.Succeeded) throw new InvalidOperationException($"Shipped framework {document.Code} is invalid: {string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
        }
    }
}
