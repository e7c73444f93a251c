using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Training.TrainingText;

namespace Phatthana.Web.Features.Training;

public sealed record CourseDto(Guid Id, string Code, string Name, DevelopmentMethod Method, decimal Hours, decimal PassPercent, string? Objectives,
    string? Provider, decimal? CostPerPerson, IReadOnlyList<Position> TargetPositions, IReadOnlyList<SubjectArea> TargetSubjectAreas, int Version,
    Guid? NeedTopic, int? NeedFiscalYear)
{
    public static CourseDto From(Course c) => new(c.Id, c.Code, c.Name, c.Method, c.Hours, c.PassPercent, c.Objectives, c.Provider, c.CostPerPerson,
        c.TargetPositions, c.TargetSubjectAreas, c.Version, c.NeedTopicId, c.NeedFiscalYear);
}

public sealed record SessionDto(Guid Id, string Course, string CourseName, string Name, DateOnly StartDate, DateOnly EndDate, string Venue, int Capacity,
    int Registered, SessionStatus Status, string? Trainers, int FiscalYear, DateOnly? RegistrationOpensOn, DateOnly? RegistrationClosesOn,
    DateTimeOffset? ResultsApprovedAt, string? ResultsApprovedBy, int Version);

public sealed record ApprovalInput(int? Version);

public sealed record ReopenInput(string? Reason, int? Version);

public sealed record RegisterInput(string? NationalId, string? OverrideReason);

public sealed record RegisteredDto(Guid Id, RegistrationStatus Status);

/// <summary>A line of the training summary (API.md), as the seeds' table lays it out.</summary>
public sealed record TrainingSummaryRow(string Course, string Session, DateOnly StartDate, DateOnly EndDate, string Venue, DevelopmentMethod Method,
    int Enrolled, int Passed, decimal PassedPercent);

public sealed record TranscriptItem(string Source, string Title, DateOnly Date, decimal Hours, bool Passed, string? Certificate);

public sealed record TranscriptDto(int FiscalYear, decimal Hours, IReadOnlyList<TranscriptItem> Items);

public static class TrainingApi
{
    public static readonly TableSpec<TrainingSummaryRow> SummaryTable = new("สรุปผลการพัฒนาครูและบุคลากรทางการศึกษา",
        new TableColumn<TrainingSummaryRow>("หลักสูตร", r => r.Course, Width: 34, Wrap: true),
        new TableColumn<TrainingSummaryRow>("รุ่น", r => r.Session, Width: 14, Wrap: true),
        new TableColumn<TrainingSummaryRow>("วันที่เริ่ม", r => r.StartDate, CellKind.Date, Width: 14),
        new TableColumn<TrainingSummaryRow>("วันที่สิ้นสุด", r => r.EndDate, CellKind.Date, Width: 14),
        new TableColumn<TrainingSummaryRow>("สถานที่", r => r.Venue, Width: 24, Wrap: true),
        new TableColumn<TrainingSummaryRow>("รูปแบบ", r => T.Label(r.Method), Width: 16, Wrap: true),
        new TableColumn<TrainingSummaryRow>("ผู้เข้ารับการพัฒนา", r => r.Enrolled, CellKind.Number, Width: 12),
        new TableColumn<TrainingSummaryRow>("ผ่าน", r => r.Passed, CellKind.Number, Width: 10),
        new TableColumn<TrainingSummaryRow>("ร้อยละ", r => r.PassedPercent, CellKind.Decimal, Width: 10));

    public static RouteGroupBuilder MapTrainingApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}").WithTags("Training");
        area.MapPost("/courses", CreateCourse).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Add a course: {code, name, method, hours, passPercent}").Writes<CourseDto>(StatusCodes.Status201Created);
        area.MapGet("/courses", Courses).RequireAuthorization(Policies.SignedIn).WithSummary("The area's courses").Returns<List<CourseDto>>();
        area.MapGet("/training-summary", Summary).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Sessions of a fiscal year with enrolled, passed and % (?fiscalYear=2568; ?format=xlsx|pdf|docx)").Returns<List<TrainingSummaryRow>>();

        var course = api.MapGroup("/courses/{course}").WithTags("Training");
        course.MapGet("", Course).RequireAuthorization(Policies.SignedIn).WithSummary("A course (by id or code)").Returns<CourseDto>();
        course.MapPut("", UpdateCourse).RequireAuthorization(Policies.RunTraining).WithSummary("Change a course").Writes<CourseDto>();
        course.MapPost("/sessions", CreateSession).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Add a session (รุ่น): {name, startDate, endDate, venue, capacity} → {id}").Writes<SessionDto>(StatusCodes.Status201Created);
        course.MapGet("/sessions", CourseSessions).RequireAuthorization(Policies.SignedIn).WithSummary("A course's sessions").Returns<List<SessionDto>>();

        var session = api.MapGroup("/sessions/{id:guid}").WithTags("Training");
        session.MapGet("", Session).RequireAuthorization(Policies.SignedIn).WithSummary("A session").Returns<SessionDto>();
        session.MapPut("", UpdateSession).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Change a session: dates, venue, capacity (raised: the waitlist moves up), status, registration window").Writes<SessionDto>();
        session.MapPost("/results/approval", Approve).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Approve (lock) the session's results; every seat-holder needs a result").Writes<SessionDto>();
        session.MapPost("/results/reopen", Reopen).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Open approved results again for changes: {reason} (kept in the audit log)").Writes<SessionDto>();
        session.MapPost("/registrations", Register).RequireAuthorization(Policies.RegisterTraining)
            .WithSummary("Register a person: {nationalId} → {status: Registered|Waitlisted}; twice or a closed session → 409").Writes<RegisteredDto>(StatusCodes.Status201Created);
        session.MapGet("/registrations", SessionRegistrations).RequireAuthorization(Policies.ReadPeople)
            .WithSummary("The session's registrations with attendance and results").Returns<List<RegistrationDto>>();
        session.MapDelete("/registrations/{person}", Cancel).RequireAuthorization(Policies.RegisterTraining)
            .WithSummary("Cancel a registration; its seat goes to the first on the waitlist").WritesNothing();
        session.MapPut("/results", Results).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Results: [{nationalId, attended, hours, preTest, postTest}] (scores in %); passed = attended and postTest ≥ passPercent").Returns<List<RegistrationDto>>();

        api.MapGet("/people/{person}/transcript", Transcript).WithTags("Training").RequireAuthorization(Policies.SignedIn)
            .WithSummary("A person's development in a fiscal year: sessions attended and external completions (?fiscalYear=2568)").Returns<TranscriptDto>();
        return api;
    }

    /// <summary>A course by id or, within the areas the caller sees, by code (a code two visible areas share is ambiguous: 404).</summary>
    public static async Task<Course?> FindCourseAsync(AppDbContext db, string key, CancellationToken ct = default)
    {
        if (Guid.TryParse(key, out var id)) return await db.Courses.FirstOrDefaultAsync(c => c.Id == id, ct);
        var code = key.Trim();
        var hits = await db.Courses.Where(c => c.Code == code).OrderBy(c => c.Id).Take(2).ToListAsync(ct);
        return hits.Count == 1 ? hits[0] : null;
    }

    public static Task<TrainingSession?> FindSessionAsync(AppDbContext db, Guid id, CancellationToken ct = default) =>
        db.TrainingSessions.Include(s => s.Course).FirstOrDefaultAsync(s => s.Id == id, ct);

    public static SessionDto ToDto(TrainingSession s) => new(s.Id, s.Course!.Code, s.Course.Name, s.Name, s.StartDate, s.EndDate, s.Venue, s.Capacity,
        s.Registered, s.Status, s.Trainers, SchoolCalendar.FiscalYearOf(s.StartDate), s.RegistrationOpensOn, s.RegistrationClosesOn,
        s.ResultsApprovedAt, s.ResultsApprovedBy, s.Version);

    private static async Task<IResult> CreateCourse(CourseInput input, RouteScope scope, SaveCourse save)
    {
        var outcome = await save.CreateAsync(scope.Area, input);
        return outcome.ToApi(c => TypedResults.Created($"/api/v1/courses/{c.Id}", CourseDto.From(c)));
    }

    private static async Task<IResult> Courses(RouteScope scope, AppDbContext db) =>
        TypedResults.Ok((await db.Courses.AsNoTracking().Where(c => c.AreaId == scope.Area.Id).OrderBy(c => c.Code).ToListAsync()).Select(CourseDto.From).ToList());

    private static async Task<IResult> Course(string course, AppDbContext db) =>
        await FindCourseAsync(db, course) is { } c ? TypedResults.Ok(CourseDto.From(c)) : ApiResults.NotFound();

    private static async Task<IResult> UpdateCourse(string course, CourseInput input, AppDbContext db, SaveCourse save) =>
        await FindCourseAsync(db, course) is { } c ? (await save.UpdateAsync(c, input)).ToApi(x => TypedResults.Ok(CourseDto.From(x))) : ApiResults.NotFound();

    private static async Task<IResult> CreateSession(string course, SessionInput input, AppDbContext db, SaveCourse save)
    {
        if (await FindCourseAsync(db, course) is not { } c) return ApiResults.NotFound();
        var outcome = await save.AddSessionAsync(c, input);
        return outcome.ToApi(s => { s.Course = c; return TypedResults.Created($"/api/v1/sessions/{s.Id}", ToDto(s)); });
    }

    private static async Task<IResult> CourseSessions(string course, AppDbContext db)
    {
        if (await FindCourseAsync(db, course) is not { } c) return ApiResults.NotFound();
        var sessions = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).Where(s => s.CourseId == c.Id).OrderBy(s => s.StartDate).ToListAsync();
        return TypedResults.Ok(sessions.Select(ToDto).ToList());
    }

    private static async Task<IResult> Session(Guid id, AppDbContext db) =>
        await FindSessionAsync(db, id) is { } s ? TypedResults.Ok(ToDto(s)) : ApiResults.NotFound();

    private static async Task<IResult> UpdateSession(Guid id, SessionInput? input, AppDbContext db, SaveCourse save)
    {
        if (await FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        return (await save.UpdateSessionAsync(s, input ?? new SessionInput())).ToApi(x => TypedResults.Ok(ToDto(x)));
    }

    private static async Task<IResult> Approve(Guid id, ApprovalInput? input, AppDbContext db, Registrations registrations)
    {
        if (await FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        return (await registrations.ApproveResultsAsync(s, input?.Version)).ToApi(x => TypedResults.Ok(ToDto(x)));
    }

    private static async Task<IResult> Reopen(Guid id, ReopenInput? input, AppDbContext db, Registrations registrations)
    {
        if (await FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        return (await registrations.ReopenResultsAsync(s, input?.Reason, input?.Version)).ToApi(x => TypedResults.Ok(ToDto(x)));
    }

    /// <summary>Goes straight to the batch, which reads the session for the caller (404 when they cannot see it).</summary>
    private static async Task<IResult> Register(Guid id, RegisterInput? input, RegistrationBatches batches, UserScope scope)
    {
        var outcome = await batches.RegisterAsync(id, input?.NationalId, input?.OverrideReason, scope.Capture());
        return outcome.ToApi(r => TypedResults.Created($"/api/v1/sessions/{id}/registrations", new RegisteredDto(r.Id, r.Status)));
    }

    private static async Task<IResult> SessionRegistrations(Guid id, AppDbContext db, NationalIdDisclosure disclosure)
    {
        if (await FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        var rows = await db.Registrations.AsNoTracking().Include(r => r.Person).Where(r => r.SessionId == s.Id)
            .OrderBy(r => r.Status).ThenBy(r => r.RequestedAt).ToListAsync();
        return TypedResults.Ok(rows.Select(r => Registrations.ToDto(r, disclosure)).ToList());
    }

    private static async Task<IResult> Cancel(Guid id, RouteScope scope, AppDbContext db, Registrations registrations)
    {
        if (await FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        var person = scope.Person;
        if (await db.Registrations.FirstOrDefaultAsync(r => r.SessionId == s.Id && r.PersonId == person.Id) is not { } registration) return ApiResults.NotFound();
        return (await registrations.CancelAsync(s, registration)).ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Results(Guid id, List<ResultInput?>? rows, AppDbContext db, Registrations registrations, NationalIdDisclosure disclosure)
    {
        if (await FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        var outcome = await registrations.SaveResultsAsync(s, s.Course!, rows);
        return outcome.ToApi(list => TypedResults.Ok(list.Select(r => Registrations.ToDto(r, disclosure)).ToList()));
    }

    /// <summary>The fiscal year asked, or the current one; a 422 on fiscalYear when it is not a year.</summary>
    public static Outcome<int> FiscalYear(string? fiscalYear, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(fiscalYear)) return Outcome<int>.Ok(SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time)));
        return SchoolCalendar.TryReadYear(fiscalYear, out var y)
            ? Outcome<int>.Ok(y)
            : Outcome<int>.Invalid([SchoolCalendar.BadYear("fiscalYear", "ปีงบประมาณ", fiscalYear)]);
    }

    /// <summary>Every session starting in the fiscal year: enrolled = registered (not waitlisted or cancelled), passed, % with two decimals.</summary>
    public static async Task<List<TrainingSummaryRow>> SummaryAsync(AppDbContext db, Guid areaId, int fiscalYear, CancellationToken ct = default) =>
        (await SummaryLinesAsync(db, areaId, fiscalYear, ct)).Select(l => l.Row).ToList();

    /// <summary>The summary's rows with the session each is of (the page adds figures per session to them).</summary>
    public static async Task<List<(Guid SessionId, TrainingSummaryRow Row)>> SummaryLinesAsync(AppDbContext db, Guid areaId, int fiscalYear, CancellationToken ct = default) =>
        [.. (await SummaryScoresAsync(db, areaId, fiscalYear, ct)).Select(l => (l.SessionId, l.Row))];

    /// <summary>
    /// The summary's rows with, per session, the mean pre- and post-test (two decimals) of those who attended with both
    /// scores. The seats are counted and the scores summed in the database, one line a session, then the means divided
    /// here: the year's registrations are read once, not row by row (the sums as <see cref="Sums.Exact"/> describes).
    /// </summary>
    public static async Task<List<(Guid SessionId, TrainingSummaryRow Row, decimal? PreMean, decimal? PostMean)>> SummaryScoresAsync(AppDbContext db, Guid areaId,
        int fiscalYear, CancellationToken ct = default)
    {
        var from = SchoolCalendar.FiscalYearStart(fiscalYear);
        var to = SchoolCalendar.FiscalYearEnd(fiscalYear);
        var ofYear = db.TrainingSessions.AsNoTracking().Where(s => s.AreaId == areaId && s.StartDate >= from && s.StartDate <= to);
        var sessions = await ofYear.Select(s => new { s.Id, Course = s.Course!.Name, s.Name, s.StartDate, s.EndDate, s.Venue, s.Course.Method }).ToListAsync(ct);
        var seats = await (from r in db.Registrations.AsNoTracking()
                           join s in ofYear on r.SessionId equals s.Id
                           where r.Status == RegistrationStatus.Registered
                           select new { r.SessionId, Passed = r.Passed == true, Scored = r.Attended == true && r.PreTest != null && r.PostTest != null, r.PreTest, r.PostTest })
            .GroupBy(r => r.SessionId)
            .Select(g => new
            {
                SessionId = g.Key, Enrolled = g.Count(), Passed = g.Count(r => r.Passed), Scored = g.Count(r => r.Scored),
                Pre = g.Sum(r => r.Scored ? (double)r.PreTest!.Value : 0.0), Post = g.Sum(r => r.Scored ? (double)r.PostTest!.Value : 0.0),
            }).ToDictionaryAsync(g => g.SessionId, ct);
        static decimal Mean(double sum, int count) => Math.Round(Sums.Exact(sum) / count, 2, MidpointRounding.AwayFromZero);
        return sessions.OrderBy(s => s.StartDate).ThenBy(s => s.Course, ThaiText.Comparer).ThenBy(s => s.Name, ThaiText.Comparer)
            .Select(s =>
            {
                var g = seats.GetValueOrDefault(s.Id);
                int enrolled = g?.Enrolled ?? 0, passed = g?.Passed ?? 0;
                var row = new TrainingSummaryRow(s.Course, s.Name, s.StartDate, s.EndDate, s.Venue, s.Method, enrolled, passed,
                    enrolled == 0 ? 0m : Math.Round(passed * 100m / enrolled, 2, MidpointRounding.AwayFromZero));
                return g is { Scored: > 0 } ? (s.Id, row, Mean(g.Pre, g.Scored), Mean(g.Post, g.Scored)) : (s.Id, row, (decimal?)null, (decimal?)null);
            })
            .ToList();
    }

    private static async Task<IResult> Summary(HttpContext http, RouteScope scope, AppDbContext db, TimeProvider time, string? fiscalYear)
    {
        var year = FiscalYear(fiscalYear, time);
        if (!year.Succeeded) return year.ToApi(_ => TypedResults.NoContent());
        var rows = await SummaryAsync(db, scope.Area.Id, year.Value, http.RequestAborted);
        return await TableResults.RespondAsync(http, SummaryTable, rows, r => r, $"training-summary-{scope.Area.Code}-{year.Value}", scope.Area,
            $"ปีงบประมาณ {year.Value}");
    }

    /// <summary>Sessions the person attended and their external completions in the fiscal year; hours are their sum.</summary>
    public static async Task<TranscriptDto> TranscriptAsync(AppDbContext db, Person person, int fiscalYear, CancellationToken ct = default)
    {
        var from = SchoolCalendar.FiscalYearStart(fiscalYear);
        var to = SchoolCalendar.FiscalYearEnd(fiscalYear);
        var sessions = await db.Registrations.AsNoTracking()
            .Where(r => r.PersonId == person.Id && r.Attended == true && r.Status == RegistrationStatus.Registered && r.Session!.StartDate >= from && r.Session.StartDate <= to)
            .Select(r => new { Course = r.Session!.Course!.Name, Session = r.Session.Name, r.Session.StartDate, r.Hours, CourseHours = r.Session.Course.Hours, r.Passed, r.CertificateCode, r.CertificateRevokedAt })
            .ToListAsync(ct);
        var external = await db.ExternalCompletions.AsNoTracking()
            .Where(e => e.PersonId == person.Id && e.CompletedOn >= from && e.CompletedOn <= to).ToListAsync(ct);
        var items = sessions.Select(s => new TranscriptItem("Session", $"{s.Course} ({s.Session})", s.StartDate, s.Hours ?? s.CourseHours, s.Passed == true,
                s.CertificateRevokedAt is null ? s.CertificateCode : null))
            .Concat(external.Select(e => new TranscriptItem(e.Source, e.Title, e.CompletedOn, e.Hours, e.Passed, null)))
            .OrderBy(i => i.Date).ToList();
        return new TranscriptDto(fiscalYear, items.Sum(i => i.Hours), items);
    }

    private static async Task<IResult> Transcript(RouteScope scope, AppDbContext db, TimeProvider time, string? fiscalYear)
    {
        var year = FiscalYear(fiscalYear, time);
        if (!year.Succeeded) return year.ToApi(_ => TypedResults.NoContent());
        return TypedResults.Ok(await TranscriptAsync(db, scope.Person, year.Value));
    }
}
