using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Imports;

/// <summary>What to import: the kind, where, for which year, and the file.</summary>
public sealed record ImportRequest(ImportKind Kind, Area Area, SchoolRef? School, int? AcademicYear, string FileName, byte[] Content);

/// <summary>
/// Runs an import for the API (at once) and for the background worker (for a page): checks the file itself — its
/// type, size and whether it can be read — then lets the kind's importer check every row and write all or nothing.
/// </summary>
public sealed class ImportRunner(AppDbContext db, TimeProvider time, IEnumerable<Importer> importers)
{
    public const long MaxBytes = 20L * 1024 * 1024;
    /// <summary>The request limit is above the file limit so a too-large file gets our message, not the server's.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    public Importer For(ImportKind kind) => importers.Single(i => i.Kind == kind);

    public async Task<ImportResult> RunAsync(ImportRequest request, IImportProgress? progress = null, CancellationToken ct = default)
    {
        if (FileProblem(request.FileName, request.Content.LongLength) is { } problem) return ImportResult.FileProblem(problem);
        var importer = For(request.Kind);
        var sheet = SheetReader.Open(request.Content, request.FileName, importer.Aliases);
        if (!sheet.Readable) return ImportResult.FileProblem(sheet.Problem!);
        var context = new ImportContext(db, request.Area, request.School, request.AcademicYear, ThaiDate.TodayInThailand(time), time.GetUtcNow(),
            progress ?? NoProgress.Instance);
        var result = await importer.RunAsync(context, sheet, ct);
        // A header with nothing under it wrote nothing; say so rather than report a success of nothing.
        return result is { Succeeded: true, Rows: 0 } ? ImportResult.FileProblem($"ไฟล์ {request.FileName} มีแต่หัวตาราง ไม่มีแถวข้อมูล") : result;
    }

    /// <summary>What is wrong with the file before it is opened: its name, emptiness, size.</summary>
    public static string? FileProblem(string? fileName, long length)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return "กรุณาเลือกไฟล์ .xlsx หรือ .csv";
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
            return extension == ".xls"
                ? $"ไฟล์ {fileName} เป็น Excel รุ่นเก่า (.xls) — เปิดใน Excel แล้วบันทึกเป็น \"Excel Workbook (.xlsx)\""
                : $"ไฟล์ {fileName} ไม่ใช่ตารางข้อมูล .xlsx หรือ .csv";
        if (length == 0) return $"ไฟล์ {fileName} ว่างเปล่า (0 ไบต์)";
        if (length > MaxBytes)
            return $"ไฟล์ {fileName} มีขนาด {length / 1048576.0:0.0} MB เกินกำหนด {MaxBytes / 1048576} MB — แบ่งเป็นหลายไฟล์ หรือลบคอลัมน์ที่ไม่ใช้";
        return null;
    }
}
