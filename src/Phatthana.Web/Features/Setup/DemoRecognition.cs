using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Recognition;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// Seed 000's selections as live programmes — ครูดีในดวงใจ (3), ครูผู้สอนดีเด่น (9), หนึ่งแสนครูดี (113), each with last year's
/// selection scored by the committee (area@ and assessor@) and announced through <see cref="SaveSelection"/> itself — and
/// seed 001's monthly "เพชรน้ำหนึ่ง" for the office's staff: last month's announced, this month's open for nominations.
/// </summary>
public sealed class DemoRecognition(AppDbContext db, SaveSelection steps)
{
    public static readonly (string Name, int Awards, int Nominees)[] Yearly = [("ครูดีในดวงใจ", 3, 6), ("ครูผู้สอนดีเด่น", 9, 14), ("หนึ่งแสนครูดี", 113, 120)];
    public const string Monthly = "รางวัล \"เพชรน้ำหนึ่ง\"";

    public async Task SeedAsync(Area area, IReadOnlyList<Person> people, DateOnly today, Random random)
    {
        var committee = await db.Users.Where(u => u.Email == "area@phatthana.demo" || u.Email == "assessor@phatthana.demo")
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        var teachers = people.Where(p => p.Position is Position.Teacher && p.Status == PersonStatus.Active && p.StartDate is { } s && s.AddYears(5) <= today)
            .OrderBy(_ => random.Next()).ToList();
        var staff = people.Where(p => p.SchoolId is null && p.Status == PersonStatus.Active).ToList();
        var year = ThaiDate.ToBuddhistYear(today.Year);
        var used = 0;
        foreach (var (name, awards, nominees) in Yearly)
        {
            var programme = Programme(area, name, AwardPeriod.Yearly, awards, [Position.Teacher], 5, committee.Select(c => (c.Id, c.DisplayName)));
            var last = Selection(programme, $"ประจำปี {year - 1}", year - 1, null, today.AddYears(-1));
            Nominate(last, teachers.Skip(used).Take(nominees), programme, random);
            used += nominees;
        }
        if (staff.Count < 4) staff = [.. teachers.Skip(used)];
        var monthly = Programme(area, Monthly, AwardPeriod.Monthly, 1, [], null, committee.Select(c => (c.Id, c.DisplayName)));
        var lastMonth = today.AddMonths(-1);
        var previous = Selection(monthly, SaveSelection.DefaultTitle(AwardPeriod.Monthly, ThaiDate.ToBuddhistYear(lastMonth.Year), lastMonth.Month),
            ThaiDate.ToBuddhistYear(lastMonth.Year), lastMonth.Month, lastMonth);
        Nominate(previous, staff.OrderBy(_ => random.Next()).Take(4), monthly, random);
        var current = new AwardSelection
        {
            AreaId = area.Id, ProgrammeId = monthly.Id, Title = SaveSelection.DefaultTitle(AwardPeriod.Monthly, year, today.Month), Year = year, Month = today.Month,
            NominationOpens = today.AddDays(-3), NominationCloses = today.AddDays(10), ScoringCloses = today.AddDays(20),
        };
        db.AwardSelections.Add(current);
        await db.SaveChangesAsync();
        foreach (var s in await db.AwardSelections.Where(s => s.AreaId == area.Id && s.NominationCloses < today).ToListAsync())
        {
            var announced = await steps.AnnounceAsync(s);
            if (!announced.Succeeded) throw new InvalidOperationException($"Demo selection {s.Title} not announced: {announced.Conflict?.Message}");
        }
        db.ChangeTracker.Clear();
    }

    private AwardProgramme Programme(Area area, string name, AwardPeriod period, int awards, List<Position> positions, int? years, IEnumerable<(string Id, string Name)> committee)
    {
        var p = new AwardProgramme
        {
            AreaId = area.Id, Name = name, Level = AwardLevel.Area, Period = period, Awards = awards, EligiblePositions = positions, MinYearsOfService = years,
            RequiresCleanRecord = true, SchoolsNominate = period == AwardPeriod.Yearly, SelfNomination = period == AwardPeriod.Monthly,
            Description = period == AwardPeriod.Monthly
                ? "ยกย่องบุคลากรในสำนักงานเขตที่มีผลการปฏิบัติงานดีเด่นประจำเดือน: เสนอชื่อ → คณะกรรมการพิจารณา → ประกาศผล → มอบเกียรติบัตร → ประเมินผลโครงการ"
                : "โครงการยกย่องเชิดชูเกียรติข้าราชการครูและบุคลากรทางการศึกษา",
        };
        db.AwardProgrammes.Add(p);
        (string Name, decimal Weight, int Max)[] criteria = period == AwardPeriod.Monthly
            ? [("ผลการปฏิบัติงาน", 40, 10), ("การให้บริการ", 30, 10), ("คุณธรรม จริยธรรม และวินัย", 30, 10)]
            : [("ผลงานที่เกิดกับผู้เรียน", 50, 50), ("การพัฒนาตนเองและวิชาชีพ", 30, 30), ("คุณธรรม จริยธรรม จรรยาบรรณ", 20, 20)];
        db.AwardCriteria.AddRange(criteria.Select((c, i) => new AwardCriterion { AreaId = area.Id, ProgrammeId = p.Id, Number = i + 1, Name = c.Name, Weight = c.Weight, MinScore = 0, MaxScore = c.Max }));
        db.AwardCommitteeMembers.AddRange(committee.Select((c, i) => new AwardCommitteeMember
        {
            AreaId = area.Id, ProgrammeId = p.Id, UserId = c.Id, Name = c.Name, Duty = i == 0 ? "ประธานกรรมการ" : "กรรมการ",
        }));
        return p;
    }

    private AwardSelection Selection(AwardProgramme programme, string title, int year, int? month, DateOnly around)
    {
        var s = new AwardSelection
        {
            AreaId = programme.AreaId, ProgrammeId = programme.Id, Title = title, Year = year, Month = month,
            NominationOpens = around.AddDays(-20), NominationCloses = around.AddDays(-10), ScoringCloses = around.AddDays(-2),
        };
        db.AwardSelections.Add(s);
        return s;
    }

    private void Nominate(AwardSelection selection, IEnumerable<Person> nominees, AwardProgramme programme, Random random)
    {
        var criteria = db.ChangeTracker.Entries<AwardCriterion>().Select(e => e.Entity).Where(c => c.ProgrammeId == programme.Id).ToList();
        var members = db.ChangeTracker.Entries<AwardCommitteeMember>().Select(e => e.Entity).Where(m => m.ProgrammeId == programme.Id).ToList();
        foreach (var person in nominees)
        {
            var n = new Nomination
            {
                AreaId = selection.AreaId, SelectionId = selection.Id, PersonId = person.Id, SchoolId = person.SchoolId, NoDisciplinaryRecord = true,
                Statement = "ปฏิบัติหน้าที่ด้วยความทุ่มเท เป็นแบบอย่างที่ดี ผลการปฏิบัติงานอยู่ในระดับดีมาก ไม่เคยถูกดำเนินการทางวินัย",
                NominatedBy = "นางสาวพิมพ์ชนก ศรีสุข", NominatedAt = new DateTimeOffset(selection.NominationOpens.AddDays(3).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero),
            };
            db.Nominations.Add(n);
            foreach (var m in members)
                foreach (var c in criteria)
                    db.AwardScores.Add(new AwardScore
                    {
                        AreaId = selection.AreaId, NominationId = n.Id, CriterionId = c.Id, MemberId = m.Id, Score = Math.Round(c.MaxScore * (0.6m + (decimal)random.NextDouble() * 0.4m), 1),
                        ScoredAt = n.NominatedAt.AddDays(12),
                    });
        }
    }
}
