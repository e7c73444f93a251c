using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Imports;

/// <summary>How far each running job has got, on this instance (the database holds the rest of a job's state).</summary>
public sealed class ImportProgressBoard
{
    public sealed record Entry(string Phase, int Done, int Total, DateTimeOffset At);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public void Set(Guid job, string phase, int done, int total, DateTimeOffset at) => _entries[job] = new Entry(phase, done, total, at);

    public Entry? Get(Guid job) => _entries.TryGetValue(job, out var e) ? e : null;

    public void Remove(Guid job) => _entries.TryRemove(job, out _);
}

/// <summary>Wakes the worker when a job is queued (it also looks every few seconds, for jobs queued by other instances).</summary>
public sealed class ImportSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Raise() => _signal.Release();

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>Queues imports started from a page and reads their outcome back.</summary>
public sealed class ImportJobs(AppDbContext db, UserScope scope, TimeProvider time, ImportSignal signal, ImportProgressBoard board)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Checks the file itself at once (type, size); a file that passes waits for the worker.</summary>
    public async Task<Outcome<ImportJob>> EnqueueAsync(ImportRequest request, CancellationToken ct = default)
    {
        if (ImportRunner.FileProblem(request.FileName, request.Content.LongLength) is { } problem)
            return Outcome<ImportJob>.Invalid([new FieldError("file", problem)]);
        var job = new ImportJob
        {
            AreaId = request.Area.Id, SchoolId = request.School?.Id, Kind = request.Kind, AcademicYear = request.AcademicYear,
            FileName = ShortName(request.FileName), Content = request.Content, Size = request.Content.LongLength,
            UserId = scope.UserId!, UserName = scope.UserName ?? "", Status = ImportStatus.Queued, CreatedAt = time.GetUtcNow(),
            Phase = "รอดำเนินการ",
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Raise();
        return Outcome<ImportJob>.Ok(job);
    }

    /// <summary>The file's name without its folder, shortened to what the column holds (keeping the extension).</summary>
    public static string ShortName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        var extension = Path.GetExtension(name);
        return name.Length <= Data.DataSchema.NameLength ? name : name[..(Data.DataSchema.NameLength - extension.Length)] + extension;
    }

    /// <summary>A job the caller may see (its area, and for school staff their school's), with live progress when running here.</summary>
    /// <remarks>The uploaded file is left in the database (the page polls this every second); <see cref="ContentAsync"/> reads it.</remarks>
    public async Task<ImportJob?> FindAsync(Guid id, Guid areaId, CancellationToken ct = default)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id && j.AreaId == areaId).Select(j => new ImportJob
        {
            Id = j.Id, AreaId = j.AreaId, SchoolId = j.SchoolId, Kind = j.Kind, AcademicYear = j.AcademicYear, FileName = j.FileName,
            Size = j.Size, UserId = j.UserId, UserName = j.UserName, Status = j.Status, Rows = j.Rows, Created = j.Created, Updated = j.Updated,
            Done = j.Done, Total = j.Total, Phase = j.Phase, ErrorsJson = j.ErrorsJson, NotesJson = j.NotesJson, CreatedAt = j.CreatedAt,
            StartedAt = j.StartedAt, FinishedAt = j.FinishedAt, HeartbeatAt = j.HeartbeatAt, Version = j.Version,
        }).FirstOrDefaultAsync(ct);
        if (job is { Status: ImportStatus.Running } && board.Get(id) is { } live)
        {
            job.Phase = live.Phase;
            job.Done = live.Done;
            job.Total = live.Total;
        }
        return job;
    }

    /// <summary>The uploaded file of a job the caller may see, while it is kept.</summary>
    public Task<byte[]?> ContentAsync(Guid id, CancellationToken ct = default) =>
        db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => j.Content).FirstOrDefaultAsync(ct);

    public static ImportResult ResultOf(ImportJob job) => new(job.Rows, job.Created, job.Updated,
        job.ErrorsJson is null ? [] : JsonSerializer.Deserialize<List<FieldError>>(job.ErrorsJson, Json) ?? [],
        job.NotesJson is null ? [] : JsonSerializer.Deserialize<List<FieldError>>(job.NotesJson, Json) ?? []);
}

/// <summary>
/// Runs queued imports one at a time, each as the user who started it (their grants, checked again now), reporting
/// progress. A job left running by an instance that stopped is run again: its transaction was rolled back, so nothing
/// of it was saved. Uploaded files are cleared a week after their job ends.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, ImportProgressBoard board, TimeProvider time, ILogger<ImportWorker> log)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3), Stale = TimeSpan.FromMinutes(2), KeepFiles = TimeSpan.FromDays(7);

    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await Task.Yield();
        var startingUp = true;
        var swept = DateTimeOffset.MinValue;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() - swept > Sweep)
                {
                    await SweepAsync(startingUp, stop);
                    (startingUp, swept) = (false, time.GetUtcNow());
                }
                while (await ClaimNextAsync(stop) is { } job) await RunAsync(job, stop);
                await signal.WaitAsync(Poll, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Import worker loop failed; trying again shortly");
                await Task.Delay(Poll, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Takes back jobs whose worker stopped, and clears uploaded files a week after their job ended. SQLite serves one
    /// instance, so a job running at start-up was interrupted (and later, any running job is this instance's own); on
    /// PostgreSQL another instance may be running it, and only a job whose heartbeat stopped is taken back.
    /// </summary>
    private async Task SweepAsync(bool startingUp, CancellationToken ct)
    {
        using var scope = SystemScope(out var db);
        var now = time.GetUtcNow();
        var sqlite = db.Database.IsSqlite();
        var running = db.ImportJobs.Where(j => j.Status == ImportStatus.Running);
        if (!sqlite) running = running.Where(j => j.HeartbeatAt == null || j.HeartbeatAt < now - Stale);
        else if (!startingUp) running = running.Where(j => false);
        var requeued = await running.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Queued).SetProperty(j => j.Phase, "รอดำเนินการ (เริ่มใหม่)"), ct);
        var cutoff = now - KeepFiles;
        await db.ImportJobs.Where(j => j.FinishedAt != null && j.FinishedAt < cutoff && j.Content != null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Content, (byte[]?)null), ct);
        if (requeued > 0) log.LogInformation("{Count} interrupted import(s) queued again", requeued);
    }

    private async Task<ImportJob?> ClaimNextAsync(CancellationToken ct)
    {
        using var scope = SystemScope(out var db);
        var next = await db.ImportJobs.AsNoTracking().Where(j => j.Status == ImportStatus.Queued).OrderBy(j => j.CreatedAt)
            .Select(j => new { j.Id, j.Version }).FirstOrDefaultAsync(ct);
        if (next is null) return null;
        var now = time.GetUtcNow();
        // Two instances may see the same job: the version in the condition lets one of them have it.
        var claimed = await db.ImportJobs.Where(j => j.Id == next.Id && j.Version == next.Version && j.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.Version, next.Version + 1)
                .SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Phase, "กำลังอ่านไฟล์"), ct);
        return claimed == 1 ? await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == next.Id, ct) : await ClaimNextAsync(ct);
    }

    private async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        ImportResult result;
        try
        {
            result = await ImportAsync(job, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the transaction rolled back, so the job goes back in the queue for the next start.
            using var scope = SystemScope(out var db);
            await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Queued).SetProperty(j => j.Phase, "รอดำเนินการ (เริ่มใหม่)"), CancellationToken.None);
            board.Remove(job.Id);
            throw;
        }
        await FinishAsync(job, result, CancellationToken.None);
    }

    private async Task<ImportResult> ImportAsync(ImportJob job, CancellationToken ct)
    {
        ImportResult result;
        try
        {
            using var scope = scopes.CreateScope();
            var services = scope.ServiceProvider;
            var principal = await services.GetRequiredService<PrincipalFactory>().BuildAsync(job.UserId, "import");
            var role = Enum.TryParse<Accounts.Role>(principal?.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, out var r) ? r : (Accounts.Role?)null;
            if (principal is null) result = ImportResult.FileProblem("บัญชีผู้ใช้ที่เริ่มการนำเข้านี้ถูกระงับหรือถูกลบ ไม่มีการบันทึกข้อมูลใด");
            // The role is checked again too, as the API's policy would check it now.
            else if (!Policies.Allows(job.Kind == ImportKind.StudentCounts ? Policies.SchoolData : Policies.AreaAdmin, role))
                result = ImportResult.FileProblem("บทบาทของผู้เริ่มการนำเข้านี้ไม่มีสิทธิ์นำเข้าข้อมูลประเภทนี้แล้ว ไม่มีการบันทึกข้อมูลใด");
            else
            {
                services.GetRequiredService<UserScope>().UsePrincipal(principal);
                var db = services.GetRequiredService<AppDbContext>();
                var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == job.AreaId, ct);
                var school = job.SchoolId is { } sid
                    ? await Organisation.SchoolFinder.ByIdAsync(db, sid, ct)
                    : null;
                if (area is null || (job.SchoolId is not null && school is null))
                    result = ImportResult.FileProblem("ท่านไม่มีสิทธิ์ในเขตพื้นที่หรือสถานศึกษานี้แล้ว ไม่มีการบันทึกข้อมูลใด");
                else
                {
                    var progress = new JobProgress(job.Id, board, time, db.Database.IsSqlite() ? null : scopes);
                    result = await services.GetRequiredService<ImportRunner>()
                        .RunAsync(new ImportRequest(job.Kind, area, school, job.AcademicYear, job.FileName, job.Content ?? []), progress, ct);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Import {Job} failed", job.Id);
            result = ImportResult.FileProblem("เกิดข้อผิดพลาดในระบบระหว่างนำเข้า ไม่มีการบันทึกข้อมูลใด — กรุณาลองใหม่ หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ");
        }
        return result;
    }

    private async Task FinishAsync(ImportJob job, ImportResult result, CancellationToken ct)
    {
        using var scope = SystemScope(out var db);
        var errors = result.Errors.Count == 0 ? null : JsonSerializer.Serialize(result.Errors, ImportJobs.Json);
        var notes = result.Notes.Count == 0 ? null : JsonSerializer.Serialize(result.Notes, ImportJobs.Json);
        var status = result.Succeeded ? ImportStatus.Succeeded : ImportStatus.Failed;
        await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status).SetProperty(j => j.Rows, result.Rows).SetProperty(j => j.Created, result.Created)
            .SetProperty(j => j.Updated, result.Updated).SetProperty(j => j.ErrorsJson, errors).SetProperty(j => j.NotesJson, notes)
            .SetProperty(j => j.FinishedAt, time.GetUtcNow()).SetProperty(j => j.Phase, ImportKinds.Label(status))
            .SetProperty(j => j.Done, result.Rows).SetProperty(j => j.Total, result.Rows), ct);
        board.Remove(job.Id);
    }

    private IServiceScope SystemScope(out AppDbContext db)
    {
        var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }

    /// <summary>
    /// Progress to this instance's board and, on PostgreSQL, to the job's row about once a second (with the heartbeat),
    /// so every instance can show it. SQLite serves one instance, and its import transaction holds the write lock.
    /// </summary>
    private sealed class JobProgress(Guid job, ImportProgressBoard board, TimeProvider time, IServiceScopeFactory? scopes) : IImportProgress
    {
        private DateTimeOffset _written;

        public void Report(string phase, int done, int total)
        {
            var now = time.GetUtcNow();
            board.Set(job, phase, done, total, now);
            if (scopes is null || now - _written < TimeSpan.FromSeconds(1)) return;
            _written = now;
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
            scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.Where(j => j.Id == job)
                .ExecuteUpdate(s => s.SetProperty(j => j.Phase, phase).SetProperty(j => j.Done, done).SetProperty(j => j.Total, total).SetProperty(j => j.HeartbeatAt, now));
        }
    }
}
