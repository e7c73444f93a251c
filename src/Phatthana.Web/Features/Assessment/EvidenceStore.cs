using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment;

/// <summary>
/// Where uploaded evidence lives and how big it may be. The folder is <c>Phatthana:EvidencePath</c>; by default a folder
/// "evidence" beside the SQLite database (data/evidence), or data/evidence under the working directory on PostgreSQL —
/// never under the web root, so nothing uploaded is ever served as a static file. <c>Phatthana:EvidenceMaxBytes</c>
/// (20 MB by default) is the largest file; the request may be a little larger for the form around it.
/// </summary>
public sealed partial class EvidenceStorage
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    /// <summary>Room for the multipart headers and the other form fields around the file.</summary>
    public const long FormOverhead = 1024 * 1024;

    public EvidenceStorage(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["Phatthana:EvidencePath"];
        Folder = Path.GetFullPath(!string.IsNullOrWhiteSpace(configured) ? configured : DefaultFolder(configuration));
        var webRoot = environment.WebRootPath is { Length: > 0 } w ? Path.GetFullPath(w) : null;
        if (webRoot is not null && (Folder + Path.DirectorySeparatorChar).StartsWith(webRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Phatthana:EvidencePath ({Folder}) must be outside the web root ({webRoot}): uploads would be served as they are.");
        MaxBytes = long.TryParse(configuration["Phatthana:EvidenceMaxBytes"], out var max) && max > 0 ? max : DefaultMaxBytes;
    }

    public string Folder { get; }
    public long MaxBytes { get; }
    public long MaxRequestBytes => MaxBytes + FormOverhead;

    private static string DefaultFolder(IConfiguration configuration)
    {
        if (DataExtensions.ProviderFrom(configuration) == DatabaseProvider.Sqlite)
        {
            var cs = configuration.GetConnectionString("Sqlite") is { Length: > 0 } s ? s : DataExtensions.DefaultSqlite;
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } dir)
                return Path.Combine(dir, "evidence");
        }
        return Path.Combine("data", "evidence");
    }

    /// <summary>The full path of a stored name; only names this store generates (guid + known extension) are accepted.</summary>
    public string PathOf(string storedName)
    {
        if (!StoredNamePattern().IsMatch(storedName)) throw new InvalidOperationException($"Not a stored evidence name: {storedName}");
        return Path.Combine(Folder, storedName);
    }

    public static string NewName(EvidenceFileKind kind) => $"{Guid.NewGuid():N}{kind.Extensions[0]}";

    [GeneratedRegex("^[0-9a-f]{32}\\.[a-z]{3,4}$")]
    private static partial Regex StoredNamePattern();

    /// <summary>
    /// Caps the request before its body is read: a declared length over the limit is refused at once (false), and the
    /// server and the form reader stop a body that grows past it, so a huge upload is never buffered whole.
    /// </summary>
    public bool LimitRequest(HttpContext http)
    {
        if (http.Request.ContentLength > MaxRequestBytes) return false;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxRequestBytes;
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>() is not { Form: not null })
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }));
        return true;
    }

    public string TooLarge(long? length = null) =>
        length is { } l ? $"ไฟล์ใหญ่เกินไป ({Megabytes(l)}) — แนบได้ไม่เกิน {Megabytes(MaxBytes)} ต่อไฟล์" : $"ไฟล์ใหญ่เกินไป — แนบได้ไม่เกิน {Megabytes(MaxBytes)} ต่อไฟล์";

    /// <summary>An uploaded file as stored: its generated name, the kind its content proved to be, its size and SHA-256.</summary>
    public sealed record StoredFile(string StoredName, string FileName, EvidenceFileKind Kind, long Size, string Sha256);

    /// <summary>
    /// Writes an upload under a generated name after checking it: not empty, not over the limit (counted as it streams, not
    /// as declared), an accepted kind whose content is what its extension says. Refused files leave nothing behind; the caller
    /// removes the stored file if its own row then cannot be saved.
    /// </summary>
    public async Task<Outcome<StoredFile>> StoreAsync(IFormFile? file, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0) return Outcome<StoredFile>.Invalid([new("file", "กรุณาเลือกไฟล์หลักฐาน")]);
        var name = EvidenceStore.CleanFileName(file.FileName);
        if (file.Length > MaxBytes) return Outcome<StoredFile>.Invalid([new("file", $"{name}: {TooLarge(file.Length)}")]);
        if (EvidenceFileCheck.ByExtension(name) is not { } kind)
            return Outcome<StoredFile>.Invalid([new("file", $"ไฟล์ {name} แนบเป็นหลักฐานไม่ได้ — ใช้ได้เฉพาะ {EvidenceFileCheck.Allowed}")]);
        Directory.CreateDirectory(Folder);
        var stored = NewName(kind);
        var path = PathOf(stored);
        var partial = path + ".part";
        try
        {
            await using (var target = OpenPartial(partial))
            {
                using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
                await using var source = file.OpenReadStream();
                var buffer = new byte[81920];
                long size = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes) break;
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (size > MaxBytes) return Refuse(partial, $"{name}: {TooLarge()}");
                await target.FlushAsync(ct);
                if (!EvidenceFileCheck.Matches(kind, target))
                    return Refuse(partial, $"ไฟล์ {name} ไม่ใช่ไฟล์ {kind.Label} จริง (นามสกุลไม่ตรงกับเนื้อไฟล์) จึงแนบไม่ได้ — ตรวจสอบไฟล์แล้วแนบใหม่");
                var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                target.Close();
                File.Move(partial, path);
                return Outcome<StoredFile>.Ok(new StoredFile(stored, name, kind, size, sha));
            }
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            EvidenceStore.TryDelete(partial);
            return Outcome<StoredFile>.Invalid([new("file", DiskFull(name))]);
        }
        catch
        {
            EvidenceStore.TryDelete(partial);
            throw;
        }
    }

    /// <summary>Where an upload is written while it arrives (a test puts a disk that fills up here).</summary>
    internal Func<string, Stream> OpenPartial { get; set; } =
        path => new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);

    public static string DiskFull(string name) =>
        $"แนบไฟล์ {name} ไม่ได้ เพราะพื้นที่จัดเก็บไฟล์ของระบบเต็ม — ไม่มีการบันทึกไฟล์นี้ กรุณาแจ้งผู้ดูแลระบบ แล้วลองใหม่ภายหลัง";

    /// <summary>
    /// No space left on the device or over a quota: ENOSPC (28) / EDQUOT (122) on Linux — .NET reports the errno as the
    /// HResult there — and ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows (raw or as an HRESULT).
    /// </summary>
    public static bool IsDiskFull(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 0x27 or 0x70 : e.HResult is 28 or 122;

    private static Outcome<StoredFile> Refuse(string partial, string message)
    {
        EvidenceStore.TryDelete(partial);
        return Outcome<StoredFile>.Invalid([new("file", message)]);
    }

    /// <summary>A stored file to read, or null when it is not there.</summary>
    public Stream? Open(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    public static string Megabytes(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024d / 1024d:0.#} MB" : $"{Math.Max(1, bytes / 1024):#,0} KB";
}

/// <summary>Who a piece of evidence backs: an item of an indicator.</summary>
public sealed record ItemRef(string Indicator, int Item);

/// <summary>A piece of evidence as the API lists it: what it is, who added it, and the items it backs.</summary>
public sealed record EvidenceInfoDto(Guid Id, EvidenceKind Kind, string Title, string? FileName, string? ContentType, long? Size, string? Sha256,
    string? Report, string? Parameters, bool Frozen, DateTimeOffset? SnapshotAt, string? AddedBy, DateTimeOffset UpdatedAt, IReadOnlyList<ItemRef> Items);

/// <summary>A piece of evidence with its report's figures: frozen at submission (<see cref="Live"/> false) or as they are now.</summary>
public sealed record EvidenceDetailDto(EvidenceInfoDto Evidence, bool Live, EvidenceFigures? Figures);

/// <summary>
/// A round's evidence: files uploaded (checked by content, stored outside the web root under a generated name with their
/// SHA-256), links to the system's reports, and which items each backs (one piece may back several). Every change is
/// refused (409) once the round is submitted. A file and its row are saved together: if the row cannot be saved the
/// file is removed, and a row is removed before its file, so no row ever names a file that is not there.
/// </summary>
public sealed class EvidenceStore(AppDbContext db, EvidenceStorage storage, UserScope scope, Rounds rounds, IEnumerable<IEvidenceSnapshotter> snapshotters)
{
    public IReadOnlyList<EvidenceReport> Reports { get; } = snapshotters.OfType<EvidenceReport>().ToList();

    public EvidenceReport? Report(string? kind) => Reports.FirstOrDefault(r => r.Kind == kind);

    public long MaxBytes => storage.MaxBytes;

    public async Task<Outcome<Evidence>> UploadAsync(AssessmentRound round, IFormFile? file, string? title, CancellationToken ct = default)
    {
        if (round.Status != RoundStatus.Open) return Outcome<Evidence>.Duplicate("", Rounds.ReadOnly);
        var checks = new Checks().Text(title, "title", "ชื่อหลักฐาน", DataSchema.NameLength, required: false);
        if (!checks.IsValid) return Outcome<Evidence>.Invalid([.. checks.Errors]);
        var saved = await storage.StoreAsync(file, ct);
        if (saved.Value is not { } stored) return saved.As<Evidence>();
        var path = storage.PathOf(stored.StoredName);
        var name = stored.FileName;

        var evidence = new Evidence
        {
            AreaId = round.AreaId, RoundId = round.Id, Kind = EvidenceKind.File, Title = Checks.Clean(title) ?? Truncate(Path.GetFileNameWithoutExtension(name)),
            FileName = name, ContentType = stored.Kind.ContentType, Size = stored.Size, StoredName = stored.StoredName, Sha256 = stored.Sha256, AddedBy = scope.UserName,
        };
        db.Evidence.Add(evidence);
        try
        {
            var outcome = await SaveWhileOpenAsync(round, evidence, ct);
            if (!outcome.Succeeded) TryDelete(path);
            return outcome;
        }
        catch
        {
            db.ChangeTracker.Clear();
            TryDelete(path);
            throw;
        }
    }

    public async Task<Outcome<Evidence>> LinkAsync(AssessmentRound round, string? report, string? parameter, string? title, CancellationToken ct = default)
    {
        if (round.Status != RoundStatus.Open) return Outcome<Evidence>.Duplicate("", Rounds.ReadOnly);
        if (Report(Checks.Clean(report)) is not { } kind)
            return Outcome<Evidence>.Invalid([new("report", Checks.Clean(report) is { } r
                ? $"ไม่รู้จักรายงาน \"{r}\" — ใช้ได้: {string.Join(", ", Reports.Select(x => x.Kind))}"
                : $"กรุณาระบุรายงาน — ใช้ได้: {string.Join(", ", Reports.Select(x => x.Kind))}")]);
        var checks = new Checks().Text(title, "title", "ชื่อหลักฐาน", DataSchema.NameLength, required: false);
        var parameters = await kind.ParametersAsync(round, Checks.Clean(parameter), ct);
        checks.AddRange(parameters.Errors);
        if (!checks.IsValid) return Outcome<Evidence>.Invalid([.. checks.Errors]);
        var evidence = new Evidence
        {
            AreaId = round.AreaId, RoundId = round.Id, Kind = EvidenceKind.Report, Title = Checks.Clean(title) ?? Truncate(kind.Title(parameters.Value)),
            Report = kind.Kind, Parameters = parameters.Value, AddedBy = scope.UserName,
        };
        db.Evidence.Add(evidence);
        return await SaveWhileOpenAsync(round, evidence, ct);
    }

    /// <summary>Makes a piece of the round's evidence back an item (again is fine: nothing changes).</summary>
    public async Task<Outcome<Evidence>> AttachAsync(AssessmentRound round, string indicator, string item, Guid evidenceId, CancellationToken ct = default)
    {
        if (round.Status != RoundStatus.Open) return Outcome<Evidence>.Duplicate("", Rounds.ReadOnly);
        var (_, def, problem) = await rounds.LocateAsync(round, indicator, item, ct);
        if (problem is not null) return Outcome<Evidence>.NotFound(problem);
        if (await FindAsync(round, evidenceId, ct) is not { } evidence) return Outcome<Evidence>.NotFound(NotInRound);
        var entry = await db.ItemEntries.FirstOrDefaultAsync(e => e.RoundId == round.Id && e.IndicatorKey == indicator && e.ItemNumber == def!.Number, ct);
        if (entry is null)
        {
            entry = new ItemEntry { AreaId = round.AreaId, RoundId = round.Id, IndicatorKey = indicator, ItemNumber = def!.Number };
            db.ItemEntries.Add(entry);
        }
        else if (await db.ItemEvidence.AnyAsync(l => l.EntryId == entry.Id && l.EvidenceId == evidenceId, ct)) return Outcome<Evidence>.Ok(evidence);
        db.ItemEvidence.Add(new ItemEvidence { AreaId = round.AreaId, EntryId = entry.Id, EvidenceId = evidence.Id });
        return await SaveWhileOpenAsync(round, evidence, ct);
    }

    /// <summary>Stops a piece of evidence backing an item; the piece stays in the round for other items.</summary>
    public async Task<Outcome<Evidence>> DetachAsync(AssessmentRound round, string indicator, string item, Guid evidenceId, CancellationToken ct = default)
    {
        if (round.Status != RoundStatus.Open) return Outcome<Evidence>.Duplicate("", Rounds.ReadOnly);
        var (_, def, problem) = await rounds.LocateAsync(round, indicator, item, ct);
        if (problem is not null) return Outcome<Evidence>.NotFound(problem);
        if (await FindAsync(round, evidenceId, ct) is not { } evidence) return Outcome<Evidence>.NotFound(NotInRound);
        var link = await db.ItemEvidence.FirstOrDefaultAsync(l => l.EvidenceId == evidenceId && l.Entry!.RoundId == round.Id
            && l.Entry.IndicatorKey == indicator && l.Entry.ItemNumber == def!.Number, ct);
        if (link is null) return Outcome<Evidence>.NotFound($"หลักฐาน \"{evidence.Title}\" ไม่ได้แนบไว้กับประเด็นที่ {def!.Number} ของตัวชี้วัด {indicator}");
        db.ItemEvidence.Remove(link);
        return await SaveWhileOpenAsync(round, evidence, ct);
    }

    /// <summary>Removes a piece of evidence from the round (and every item it backed); a file goes after its row.</summary>
    public async Task<Outcome<Evidence>> DeleteAsync(AssessmentRound round, Guid evidenceId, CancellationToken ct = default)
    {
        if (round.Status != RoundStatus.Open) return Outcome<Evidence>.Duplicate("", Rounds.ReadOnly);
        if (await FindAsync(round, evidenceId, ct) is not { } evidence) return Outcome<Evidence>.NotFound(NotInRound);
        db.ItemEvidence.RemoveRange(await db.ItemEvidence.Where(l => l.EvidenceId == evidenceId).ToListAsync(ct));
        db.Evidence.Remove(evidence);
        var outcome = await SaveWhileOpenAsync(round, evidence, ct);
        if (outcome.Succeeded && evidence.StoredName is { } stored) TryDelete(storage.PathOf(stored));
        return outcome;
    }

    public const string NotInRound = "ไม่พบหลักฐานนี้ในรอบการประเมินนี้";

    public Task<Evidence?> FindAsync(AssessmentRound round, Guid evidenceId, CancellationToken ct = default) =>
        db.Evidence.FirstOrDefaultAsync(e => e.Id == evidenceId && e.RoundId == round.Id, ct);

    /// <summary>The round's evidence with the items each backs, newest first.</summary>
    public async Task<List<EvidenceInfoDto>> ListAsync(Guid roundId, CancellationToken ct = default)
    {
        var all = await db.Evidence.AsNoTracking().Where(e => e.RoundId == roundId).ToListAsync(ct);
        var uses = await ItemsAsync(roundId, null, ct);
        return all.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Title, StringComparer.Ordinal)
            .Select(e => Info(e, uses.GetValueOrDefault(e.Id) ?? [])).ToList();
    }

    public async Task<Dictionary<Guid, List<ItemRef>>> ItemsAsync(Guid roundId, Guid? evidenceId, CancellationToken ct = default) =>
        (await db.ItemEvidence.AsNoTracking().Where(l => l.Entry!.RoundId == roundId && (evidenceId == null || l.EvidenceId == evidenceId))
            .Select(l => new { l.EvidenceId, l.Entry!.IndicatorKey, l.Entry.ItemNumber }).ToListAsync(ct))
        .GroupBy(x => x.EvidenceId)
        .ToDictionary(g => g.Key, g => g.OrderBy(x => x.IndicatorKey, StringComparer.Ordinal).ThenBy(x => x.ItemNumber).Select(x => new ItemRef(x.IndicatorKey, x.ItemNumber)).ToList());

    public static EvidenceInfoDto Info(Evidence e, IReadOnlyList<ItemRef> items) =>
        new(e.Id, e.Kind, e.Title, e.FileName, e.ContentType, e.Size, e.Sha256, e.Report, e.Parameters, e.Snapshot is not null, e.SnapshotAt, e.AddedBy, e.UpdatedAt, items);

    /// <summary>A report's figures: the snapshot once the round is submitted, else computed now.</summary>
    public async Task<(EvidenceFigures? Figures, bool Live)> FiguresAsync(AssessmentRound round, Evidence evidence, CancellationToken ct = default)
    {
        if (evidence.Kind != EvidenceKind.Report) return (null, false);
        if (EvidenceFigures.Read(evidence.Snapshot) is { } frozen) return (frozen, false);
        if (Report(evidence.Report) is not { } kind)
            return (new EvidenceFigures(evidence.Report ?? "", evidence.Title, [], [], [], $"รายงาน \"{evidence.Report}\" ไม่มีในระบบแล้ว"), true);
        return (await kind.BuildAsync(round, evidence.Parameters, ct), true);
    }

    /// <summary>The stored file to read, or null when it is not there.</summary>
    public Stream? OpenFile(Evidence evidence)
    {
        if (evidence.Kind != EvidenceKind.File || evidence.StoredName is not { } stored) return null;
        return storage.Open(stored);
    }

    /// <summary>Saved only while the round is still open: a submission at the same moment wins, and this change is refused.</summary>
    private async Task<Outcome<Evidence>> SaveWhileOpenAsync(AssessmentRound round, Evidence evidence, CancellationToken ct)
    {
        var stillOpen = await db.AssessmentRounds.AsNoTracking().AnyAsync(r => r.Id == round.Id && r.Status == RoundStatus.Open, ct);
        if (!stillOpen)
        {
            db.ChangeTracker.Clear();
            return Outcome<Evidence>.Duplicate("", Rounds.ReadOnly);
        }
        return await db.TrySaveAsync(evidence, "", "", ct);
    }

    /// <summary>The name as uploaded, for showing only: no folders, no control characters, not longer than a name may be.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        if (name.Length == 0) return "ไฟล์";
        if (name.Length <= DataSchema.NameLength) return name;
        var ext = Path.GetExtension(name);
        return ext.Length < 16 ? name[..(DataSchema.NameLength - ext.Length)] + ext : name[..DataSchema.NameLength];
    }

    private static string Truncate(string text) => text.Length <= DataSchema.NameLength ? text : text[..DataSchema.NameLength];

    internal static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
