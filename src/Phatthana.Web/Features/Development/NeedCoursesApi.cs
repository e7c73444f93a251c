using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development;

public sealed record CourseAskerDto(string NationalId, string Name, string? School, Position Position, int Priority, bool FromPlan, RegistrationStatus? Status,
    string? Session);

/// <summary>The need a course was made from and the people asking for it.</summary>
public sealed record CourseNeedDto(Guid Topic, string TopicName, int FiscalYear, IReadOnlyList<CourseAskerDto> People);

/// <summary>Which session of the course to register the askers into; a reason lets in those outside the course's target group.</summary>
public sealed record AskersRegistrationInput(Guid? Session, string? OverrideReason);

/// <summary>A course made from a need (created with <c>needTopic</c> and <c>needFiscalYear</c> on POST /areas/{area}/courses): its askers, registered at once.</summary>
public static class NeedCoursesApi
{
    public static RouteGroupBuilder MapNeedCoursesApi(this RouteGroupBuilder api)
    {
        var course = api.MapGroup("/courses/{course}/need").WithTags("Development");
        course.MapGet("", Get).RequireAuthorization(Policies.RunTraining)
            .WithSummary("The development need a course was made from and the people asking for it, with their place in the course's sessions").Returns<CourseNeedDto>();
        course.MapPost("/registrations", Register).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Register every asker not yet in the course into one of its sessions: {session, overrideReason?} → {asked, registered, waitlisted, skipped, outside}; " +
                         "capacity, waitlist, window and target group rules hold for each")
            .Writes<GroupRegistrationResult>();
        return api;
    }

    private static async Task<IResult> Get(string course, AppDbContext db, NeedCourses needs, NationalIdDisclosure ids)
    {
        if (await TrainingApi.FindCourseAsync(db, course) is not { } c) return ApiResults.NotFound();
        if (c.NeedTopicId is not { } topic || c.NeedFiscalYear is not { } year) return ApiResults.NotFound("หลักสูตรนี้ไม่ได้สร้างจากความต้องการในการพัฒนา");
        var name = await db.DevelopmentTopics.AsNoTracking().Where(t => t.Id == topic).Select(t => t.Name).FirstAsync();
        var askers = await needs.AskersAsync(c);
        return TypedResults.Ok(new CourseNeedDto(topic, name, year, askers.Select(a => new CourseAskerDto(ids.Show(a.Person.NationalId), a.Person.Name,
            a.Person.School, a.Person.Position, a.Priority, a.FromPlan, a.Status, a.Session)).ToList()));
    }

    private static async Task<IResult> Register(string course, AskersRegistrationInput? input, AppDbContext db, NeedCourses needs)
    {
        if (await TrainingApi.FindCourseAsync(db, course) is not { } c) return ApiResults.NotFound();
        return (await needs.RegisterAsync(c, input?.Session, input?.OverrideReason)).ToApi(r => TypedResults.Ok(r));
    }
}
