using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Training;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// An area with the default catalogue and its AreaAdmin, and helpers that write people's ID Plans through the API up to the
/// status a test needs. Survey answers are written to the database: the needs survey's own API is another branch's.
/// </summary>
public sealed record DevelopmentWorld(AppHost Host, string Area, HttpClient AreaApi, JsonElement Catalogue)
{
    public const int Year = 2570;

    public static async Task<DevelopmentWorld> ArrangeAsync(AppHost host)
    {
        var area = await host.AreaAsync();
        var api = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/areas/{area}/competencies/defaults", null)).StatusCode);
        var catalogue = await (await api.GetAsync($"/api/v1/areas/{area}/competencies")).JsonAsync();
        return new DevelopmentWorld(host, area, api, catalogue);
    }

    public string TopicId(string name) =>
        Catalogue.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    /// <summary>
    /// Writes the person's plan for <see cref="Year"/>: every competency of their group at <paramref name="level"/> unless
    /// <paramref name="levels"/> says otherwise (by code), the needs given (topic name, priority, methods), then takes it to
    /// <paramref name="status"/>.
    /// </summary>
    public async Task PlanAsync(string nationalId, string group, IdPlanStatus status, (string Topic, int Priority, string[] Methods)[] needs,
        Dictionary<string, int>? levels = null, int level = 3)
    {
        var competencies = Catalogue.GetProperty("competencies").EnumerateArray().Where(c => c.GetProperty("group").GetString() == group)
            .Select(c => c.GetProperty("code").GetString()!).Select(code => new { competency = code, level = levels?.GetValueOrDefault(code, level) ?? level }).ToArray();
        var plan = $"/api/v1/people/{nationalId}/id-plans/{Year}";
        var saved = await AreaApi.PutAsJsonAsync(plan, new
        {
            competencies, needs = needs.Select(n => new { topic = TopicId(n.Topic), priority = n.Priority, methods = n.Methods }).ToArray(),
        });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        if (status == IdPlanStatus.Draft) return;
        Assert.Equal(HttpStatusCode.OK, (await AreaApi.PostAsJsonAsync(plan + "/submit", new { })).StatusCode);
        if (status == IdPlanStatus.Approved) Assert.Equal(HttpStatusCode.OK, (await AreaApi.PostAsJsonAsync(plan + "/approve", new { })).StatusCode);
        if (status == IdPlanStatus.Returned)
            Assert.Equal(HttpStatusCode.OK, (await AreaApi.PostAsJsonAsync(plan + "/return", new { comment = "ระบุวิธีการพัฒนาให้ชัดเจน" })).StatusCode);
    }

    /// <summary>A needs survey of the year in the area; returns its id.</summary>
    public Task<Guid> SurveyAsync(string name = "สำรวจความต้องการในการพัฒนา") => Host.WithDbAsync(async db =>
    {
        var survey = new NeedsSurvey { AreaId = await db.Areas.Where(a => a.Code == Area).Select(a => a.Id).SingleAsync(), Name = name, FiscalYear = Year };
        db.NeedsSurveys.Add(survey);
        await db.SaveChangesAsync();
        return survey.Id;
    });

    /// <summary>One topic a person answered in a survey's short form.</summary>
    public Task AnswerAsync(Guid survey, string nationalId, string topic, int priority, params DevelopmentMethod[] methods) => Host.WithDbAsync(async db =>
    {
        var person = await db.People.IgnoreQueryFilters().Where(p => p.NationalId == nationalId).Select(p => new { p.Id, p.AreaId, p.SchoolId }).SingleAsync();
        db.NeedResponses.Add(new NeedResponse
        {
            AreaId = person.AreaId, SchoolId = person.SchoolId, PersonId = person.Id, SurveyId = survey, TopicId = Guid.Parse(TopicId(topic)), Priority = priority,
            Methods = [.. methods],
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>A person of the area (at a school, or in a division when <paramref name="school"/> is null) with the subjects they teach.</summary>
    public async Task<string> PersonAsync(string? school, string position = "Teacher", string[]? subjects = null, string? division = null,
        string firstName = "สมศรี", string lastName = "ทดสอบ")
    {
        var body = Arrange.PersonBody(school, position, firstName, lastName, division);
        if (subjects is not null) body["teachingSubjectAreas"] = subjects;
        var response = await (await Host.AdminAsync()).PostAsJsonAsync($"/api/v1/areas/{Area}/people", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (string)body["nationalId"]!;
    }

    public Task<Guid> PersonIdAsync(string nationalId) =>
        Host.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.NationalId == nationalId).Select(p => p.Id).SingleAsync());
}
