using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Imports;

/// <summary>
/// One column of an import file: its field (the API's JSON name, accepted as a header too), its Thai header in the
/// template, whether it must be filled, a hint for the template's instructions, and whether Excel must keep it as
/// text (codes and IDs whose leading zeros or digits Excel would otherwise eat).
/// </summary>
public sealed record ImportColumn(string Field, string Header, bool Required, string Hint, bool AsText = false, params string[] Aliases);

/// <summary>Reports how far an import has got; the background worker shows it as a progress bar.</summary>
public interface IImportProgress
{
    void Report(string phase, int done, int total);
}

public sealed class NoProgress : IImportProgress
{
    public static readonly NoProgress Instance = new();
    public void Report(string phase, int done, int total) { }
}

/// <summary>Where an import runs: the area (and school) it writes into, the year it is for, the clock, and its findings.</summary>
public sealed class ImportContext(AppDbContext db, Area area, SchoolRef? school, int? academicYear, DateOnly today, DateTimeOffset now, IImportProgress progress)
{
    public const int ChunkSize = 1000;

    public AppDbContext Db { get; } = db;
    public Area Area { get; } = area;
    public SchoolRef? School { get; } = school;
    public int? AcademicYear { get; } = academicYear;
    public DateOnly Today { get; } = today;
    public DateTimeOffset Now { get; } = now;
    public IImportProgress Progress { get; } = progress;
    public List<FieldError> Errors { get; } = [];
    public List<FieldError> Notes { get; } = [];
    public int Rows { get; set; }

    public void Error(int? row, string field, string message) => Errors.Add(new FieldError(field, message, row));

    /// <summary>Adds the rules' errors for a row, except on fields the row already has an error for (an unknown value, say).</summary>
    public void AddRowErrors(int row, int firstOfRow, IEnumerable<FieldError> errors)
    {
        var reported = Errors.Skip(firstOfRow).Select(e => e.Field).ToHashSet();
        foreach (var e in errors.Where(e => reported.Add(e.Field))) Error(row, e.Field, e.Message);
    }

    public void Note(int row, string field, string message) => Notes.Add(new FieldError(field, message, row));

    /// <summary>Reports reading progress every few hundred rows.</summary>
    public void Read(int rows)
    {
        Rows = rows;
        if (rows % 500 == 0) Progress.Report("กำลังอ่านและตรวจสอบ", rows, 0);
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside one transaction: the writer saves in chunks (so a 100,000-row file never
    /// sits in the change tracker at once) and everything commits at the end, or nothing does. A refusal by the
    /// database (a key another user took meanwhile) becomes a Thai error and the transaction rolls back.
    /// </summary>
    public async Task<bool> WriteAsync(int total, Func<ImportWriter, Task> write, CancellationToken ct)
    {
        var writer = new ImportWriter(Db, Progress, total);
        try
        {
            await using var tx = await Db.Database.BeginTransactionAsync(ct);
            await write(writer);
            await writer.FlushAsync(ct);
            await tx.CommitAsync(ct);
            Db.ChangeTracker.Clear();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            Errors.Add(new FieldError("", "มีผู้แก้ไขข้อมูลที่ไฟล์นี้อ้างถึงในระหว่างนำเข้า ไม่มีการบันทึกข้อมูลใด — กรุณานำเข้าไฟล์อีกครั้ง"));
            return false;
        }
        catch (DbUpdateException e)
        {
            Db.ChangeTracker.Clear();
            // A key taken, or a school's year replaced by someone else (its version moved on), meanwhile: the file is fine.
            Errors.Add(new FieldError("", e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e)
                ? "มีผู้บันทึกข้อมูลเดียวกันในระหว่างนำเข้า ไม่มีการบันทึกข้อมูลใด — กรุณานำเข้าไฟล์อีกครั้ง"
                : "ฐานข้อมูลไม่รับข้อมูลชุดนี้ ไม่มีการบันทึกข้อมูลใด — กรุณาตรวจสอบไฟล์แล้วลองอีกครั้ง"));
            return false;
        }
        catch (ScopeViolationException)
        {
            Db.ChangeTracker.Clear();
            Errors.Add(new FieldError("", "ไฟล์มีข้อมูลนอกสิทธิ์ของท่าน ไม่มีการบันทึกข้อมูลใด"));
            return false;
        }
    }
}

/// <summary>Adds and changes rows for an import, saving in chunks inside the import's one transaction.</summary>
public sealed class ImportWriter(AppDbContext db, IImportProgress progress, int total)
{
    private int _done;

    public AppDbContext Db => db;

    /// <summary>One input row has been written (its entities added or changed).</summary>
    public Task RowDoneAsync(CancellationToken ct)
    {
        _done++;
        return _done % ImportContext.ChunkSize == 0 ? FlushAsync(ct) : Task.CompletedTask;
    }

    /// <summary>Writes what the chunk added or changed and empties the change tracker.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        // A chunk of new rows bypasses EF's per-row commands (COPY / one prepared INSERT), audited as SaveChanges would;
        // a chunk with updates takes SaveChanges.
        await BulkInsert.SaveChangesAsync(db, ct);
        db.ChangeTracker.Clear();
        progress.Report("กำลังบันทึก", _done, total);
    }
}

/// <summary>
/// A kind of import: its columns (which give the template and the header aliases) and how it reads, checks and writes a
/// file. Every importer checks every row before writing any, and writes all of them in one transaction.
/// </summary>
public abstract class Importer
{
    public abstract ImportKind Kind { get; }
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Header texts → field: the Thai header, the JSON name and any other names offices use.</summary>
    public virtual IReadOnlyDictionary<string, string> Aliases
    {
        get
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in Columns)
            {
                map.TryAdd(c.Header, c.Field);
                map.TryAdd(c.Field, c.Field);
                foreach (var a in c.Aliases) map.TryAdd(a, c.Field);
            }
            return map;
        }
    }

    public abstract Task<ImportResult> RunAsync(ImportContext context, SheetStream sheet, CancellationToken ct);

    /// <summary>The required columns the file lacks, as one error each (the header row's number).</summary>
    protected bool HasRequiredColumns(ImportContext context, SheetStream sheet, IEnumerable<ImportColumn>? required = null)
    {
        foreach (var column in (required ?? Columns.Where(c => c.Required)).Where(c => !sheet.Has(c.Field)))
            context.Error(sheet.HeaderRow, column.Field, $"ไม่พบคอลัมน์ \"{column.Header}\" ({column.Field}) ในแถวหัวตาราง");
        return context.Errors.Count == 0;
    }

    /// <summary>Reads an enum cell; an unknown value is an error naming the value and what is allowed.</summary>
    protected static bool TryEnum<T>(ImportContext context, SheetRow row, string field, string label, Func<T, string> labelOf,
        IReadOnlyDictionary<string, object>? synonyms, out T? value) where T : struct, Enum
    {
        value = null;
        var text = row[field];
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (EnumText.TryParse(text, labelOf, out T parsed, synonyms))
        {
            value = parsed;
            return true;
        }
        context.Error(row.Row, field, $"{label} \"{text}\" ไม่อยู่ในรายการ — {EnumText.Allowed(labelOf)}");
        return false;
    }

    /// <summary>A whole number cell within limits; blank is null.</summary>
    protected static bool TryInt(ImportContext context, SheetRow row, string field, string label, int min, int max, out int? value)
    {
        value = null;
        var text = row[field];
        if (string.IsNullOrWhiteSpace(text)) return true;
        var clean = SheetReader.CodeText(text.Replace(",", ""));
        if (!int.TryParse(clean, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            context.Error(row.Row, field, $"{label} \"{text}\" ต้องเป็นจำนวนเต็ม");
            return false;
        }
        if (n < min || n > max)
        {
            context.Error(row.Row, field, $"{label} {n:#,0} ต้องอยู่ระหว่าง {min:#,0} ถึง {max:#,0}");
            return false;
        }
        value = n;
        return true;
    }

    /// <summary>The rows of a sheet, counted for progress; a sheet that turns out too long or broken is a file error.</summary>
    protected static IEnumerable<SheetRow> Rows(ImportContext context, SheetStream sheet)
    {
        var n = 0;
        using var e = sheet.Rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext()) yield break;
            }
            catch (SheetReadException ex)
            {
                context.Error(null, "file", ex.Message);
                yield break;
            }
            context.Read(++n);
            yield return e.Current;
        }
    }

    protected static ImportResult Failed(ImportContext context) =>
        ImportResult.Failed(context.Rows, [.. context.Errors.OrderBy(e => e.Row ?? 0)], context.Notes);
}
