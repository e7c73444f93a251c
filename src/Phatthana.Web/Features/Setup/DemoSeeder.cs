using Microsoft.AspNetCore.Identity;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// The demo area, modelled on seed 000's office (สพป.เพชรบุรี เขต 1, 2555): 104 schools — 83 primary and
/// 21 extended-opportunity, 75 of them small — in 12 networks over five districts, with student counts per
/// grade for this academic year and the last; ~1,000 people on 942 posts (<see cref="DemoPersonnel"/>) with a few
/// deliberate legacy-data problems (<see cref="DemoLegacyData"/>); this year's counts leave schools short, over or
/// exact under the shipped staffing criteria as in seed 000, with subject requests and out-of-major teachers
/// (<see cref="DemoManpower"/>); a fiscal year of courses, sessions, registrations and results, with UTQ / TEPE Online / coupon
/// completions (<see cref="DemoTraining"/>); self-assessment rounds, one closed and two open (<see cref="DemoAssessment"/>); the competency
/// catalogue, ID Plans of this year and the last and this year's needs survey (<see cref="DemoDevelopment"/>); a three-year
/// development plan after seed 004 with a year of actuals (<see cref="DemoPlans"/>); the networks' members over time, boards, goals, centres, supervisors, meetings and two years of O-NET (<see cref="DemoNetworks"/>).
/// two academic years of supervision visits after seed 003 (<see cref="DemoSupervision"/>). Deterministic: the same data on every machine. Later features add their own demo
/// data here.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, DemoAssessment assessment, DemoDevelopment development, DemoPlans plans,
    DemoRecognition recognition, DemoSupervision supervision, TimeProvider time)
{
    public const string AreaCode = "PBI1";
    public const string Password = "phatthana-2569";

    public static readonly IReadOnlyList<(string Email, string Name, Role Role)> Accounts =
    [
        ("admin@phatthana.demo", "ผู้ดูแลระบบ (สาธิต)", Role.SystemAdmin),
        ("area@phatthana.demo", "นางสาวพิมพ์ชนก ศรีสุข", Role.AreaAdmin),
        ("supervisor@phatthana.demo", "นายวีระพงษ์ ทองคำ", Role.Supervisor),
        ("director@phatthana.demo", "นายสมชาย ใจงาม", Role.SchoolAdmin),
        ("teacher@phatthana.demo", "นางสาวสุดารัตน์ แก้วมณี", Role.Teacher),
        ("assessor@phatthana.demo", "ดร.ประเสริฐ วงศ์ไทย", Role.Assessor),
    ];

    private static readonly string[] Places =
    [
        "ปากคลอง", "ไทรย้อย", "พระทรง", "คงคาราม", "กุฎีดาว", "ชีประเสริฐ", "โพธิ์การ้อง", "ดอนไก่เตี้ย", "สมอพลือ", "ท่าไชย",
        "บางจาน", "หนองโสน", "ถ้ำรงค์", "ท่าแร้ง", "บางขุนไทร", "ปากทะเล", "แหลมผักเบี้ย", "กุ่ม", "ห้วยโรง", "หนองศาลา",
        "ไร่ส้ม", "ต้นมะม่วง", "นาพันสาม", "สำมะโรง", "ดอนยาง", "หัวสะพาน", "บ่อพลับ", "คลองกระแชง", "ตำหรุ", "โพพระ",
        "ช่องสะแก", "หนองพลับ", "ทับคาง", "สระพัง", "ยางหย่อง", "หนองชุมพล", "ห้วยท่าช้าง", "เขาน้อย", "หนองปลาไหล", "ท่าตะคร้อ",
        "บางเค็ม", "หนองกระเจ็ด", "ท่าเสน", "ลาดโพธิ์", "ไร่โคก", "สะพานไกร", "ถ้ำเสือ", "ดอนทราย", "หนองจอก", "หม้อ",
        "นาวุ้ง", "ท่าช้าง",
    ];

    private static readonly (string Name, int Schools)[] DistrictSizes =
        [("เมืองเพชรบุรี", 35), ("บ้านลาด", 24), ("บ้านแหลม", 15), ("เขาย้อย", 16), ("หนองหญ้าปล้อง", 14)];

    private static readonly string[] DivisionNames =
    [
        "กลุ่มอำนวยการ", "กลุ่มนโยบายและแผน", "กลุ่มบริหารงานบุคคล", "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา",
        "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "กลุ่มส่งเสริมการจัดการศึกษา", "กลุ่มบริหารงานการเงินและสินทรัพย์",
        "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร", "กลุ่มกฎหมายและคดี", "หน่วยตรวจสอบภายใน",
    ];

    public async Task SeedAsync()
    {
        var random = new Random(2555);
        var area = new Area { Code = AreaCode, Name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1", Kind = AreaKind.Primary, Province = "เพชรบุรี" };
        db.Areas.Add(area);
        var divisions = DivisionNames.Select(n => new Division { AreaId = area.Id, Name = n }).ToList();
        db.Divisions.AddRange(divisions);
        var districts = DistrictSizes.Select(d => new District { AreaId = area.Id, Name = d.Name }).ToList();
        db.Districts.AddRange(districts);
        var networks = Enumerable.Range(1, 12).Select(n => new SchoolNetwork
        {
            AreaId = area.Id,
            Name = $"เครือข่ายยกระดับคุณภาพการศึกษาที่ {n}",
            Goals = "ผ่านการประกันคุณภาพภายนอก; ผลสัมฤทธิ์ O-NET สูงกว่าค่าเฉลี่ยระดับ สพฐ.; ใช้ทรัพยากรทางการศึกษาร่วมกัน",
        }).ToList();
        db.SchoolNetworks.AddRange(networks);

        var schools = BuildSchools(area, districts, networks, random);
        db.Schools.AddRange(schools.Select(s => s.School));
        var today = ThaiDate.TodayInThailand(time);
        var thisYear = SchoolCalendar.AcademicYearOf(today);
        var counts = schools.Select(s => BuildCounts(s.School, s.Size, thisYear, random))
            .Select(c => (This: c, Last: c.Select(x => Vary(x, thisYear - 1, random)).ToList())).ToList();
        var demoSchools = schools.Select((s, i) => new DemoSchool(s.School, counts[i].This.Sum(c => c.Boys + c.Girls))).ToList();
        var withoutCounts = DemoLegacyData.SchoolsWithoutCounts(demoSchools);
        for (var n = 0; n < networks.Count; n++)
        {
            var members = schools.Where(s => s.School.NetworkId == networks[n].Id).Select(s => s.School).ToList();
            networks[n].Chair = $"ผู้อำนวยการ{members[0].Name}";
            networks[n].Secretary = $"ผู้อำนวยการ{members[^1].Name}";
        }

        // Personnel has its own random so the schools and counts above stay as they were before it.
        var personnel = DemoPersonnel.Build(area.Id, demoSchools, divisions, today, new Random(942));
        var stale = DemoLegacyData.Spoil(personnel, demoSchools, withoutCounts, today, new Random(18));
        // Enrolment has moved since the register was sized: this year's counts leave schools short, over or exact;
        // teachers teach at a level, some outside their major, and schools ask for the subjects they lack.
        DemoManpower.Teach(personnel, demoSchools, new Random(832));
        var differences = DemoManpower.FitCounts(demoSchools, counts, personnel.Posts, withoutCounts, new Random(911));
        db.SubjectNeeds.AddRange(DemoManpower.Needs(area.Id, thisYear, personnel, demoSchools, differences, new Random(67)));
        foreach (var (current, last) in counts)
        {
            // Legacy data (no-counts): two schools' counts for this year were never sent.
            if (!withoutCounts.Contains(current[0].SchoolId)) db.StudentCounts.AddRange(current);
            db.StudentCounts.AddRange(last);
        }
        var (people, history) = personnel.Write(time.GetUtcNow());
        db.People.AddRange(people);
        db.PersonHistory.AddRange(history);
        db.Posts.AddRange(personnel.Posts);
        // A fiscal year of training (last year's in full, this year's first sessions) and development done elsewhere.
        var linkedTeacher = people.Single(p => p.NationalId == personnel.LinkedTeacher.V.NationalId);
        var training = DemoTraining.Build(area.Id, people, linkedTeacher, today, time.GetUtcNow(), new Random(2569));
        db.Courses.AddRange(training.Courses);
        db.TrainingSessions.AddRange(training.Sessions);
        db.Registrations.AddRange(training.Registrations);
        db.ExternalCompletions.AddRange(training.Completions);
        db.TrainingSettings.Add(TrainingSettings.Defaults(area.Id));
        // Seed 000's networks in full: memberships over time, boards, goals, centres, supervisors, meetings and two years of O-NET.
        DemoNetworks.Build(db, area, [.. schools.Select(s => s.School)], networks, people, thisYear, today, new Random(2554));
        await db.SaveChangesAsync();
        await DemoLegacyData.AgeAsync(db, stale, time.GetUtcNow());
        // Forget the ~10,000 rows just written (audit entries included), or every account's save below would scan them again.
        db.ChangeTracker.Clear();
        // Self-assessment rounds last: their linked reports freeze the figures of everything above.
        await assessment.SeedAsync(area, divisions);
        db.ChangeTracker.Clear();
        // The catalogue, this year's and last year's ID Plans, and this year's needs survey, of the people above.
        var linkedDirector = people.Single(p => p.NationalId == personnel.LinkedDirector.V.NationalId);
        await development.SeedAsync(area, people, linkedTeacher, linkedDirector, new Random(2570));
        db.ChangeTracker.Clear();
        // The three-year development plan of last, this and next fiscal year, its KPIs bound to the data above where they can be.
        await plans.SeedAsync(area);

        foreach (var (email, name, role) in Accounts)
        {
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Role = role,
                SchoolId = role is Role.SchoolAdmin or Role.Teacher ? schools[0].School.Id : null,
                // director@ and teacher@ are the first school's director and one of its teachers on the register.
                NationalId = role switch
                {
                    Role.SchoolAdmin => personnel.LinkedDirector.V.NationalId,
                    Role.Teacher => personnel.LinkedTeacher.V.NationalId,
                    _ => null,
                },
            };
            if (role != Role.SystemAdmin) user.AreaGrants.Add(new UserAreaGrant { UserId = user.Id, AreaId = area.Id });
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        // Awards last: their committees are the accounts above.
        await recognition.SeedAsync(area, people, today, new Random(2556));
        // Two academic years of visits by supervisor@, so the summary has a trend.
        await supervision.SeedAsync(area, today, new Random(2557));
    }

    private enum Size { SmallPrimary, LargePrimary, SmallExtended, LargeExtended }

    /// <summary>83 primary (69 small) and 21 extended-opportunity (6 small): 75 small schools as in seed 000.</summary>
    private static List<(School School, Size Size)> BuildSchools(Area area, List<District> districts, List<SchoolNetwork> networks, Random random)
    {
        var sizes = Enumerable.Repeat(Size.SmallPrimary, 69).Concat(Enumerable.Repeat(Size.LargePrimary, 14))
            .Concat(Enumerable.Repeat(Size.SmallExtended, 6)).Concat(Enumerable.Repeat(Size.LargeExtended, 15))
            .OrderBy(_ => random.Next()).ToList();
        var names = Places.Select(p => "โรงเรียนวัด" + p).Concat(Places.Select(p => "โรงเรียนบ้าน" + p)).OrderBy(_ => random.Next()).ToList();
        var districtOf = DistrictSizes.SelectMany((d, i) => Enumerable.Repeat(districts[i], d.Schools)).ToList();
        int[] networkSizes = [9, 9, 8, 9, 9, 8, 9, 9, 8, 9, 9, 8];
        var networkOf = networkSizes.SelectMany((n, i) => Enumerable.Repeat(networks[i], n)).ToList();
        var result = new List<(School, Size)>();
        for (var i = 0; i < 104; i++)
        {
            var school = new School
            {
                AreaId = area.Id,
                Code = $"10760{i + 1:00000}",
                SmisCode = $"7601{i + 1:0000}",
                ObecCode = $"76{i + 1:0000}",
                Name = names[i],
                Type = sizes[i] is Size.SmallExtended or Size.LargeExtended ? SchoolType.ExtendedOpportunity : SchoolType.Primary,
                DistrictId = districtOf[i].Id,
                NetworkId = networkOf[i].Id,
            };
            result.Add((school, sizes[i]));
        }
        return result;
    }

    private static List<StudentCount> BuildCounts(School school, Size size, int year, Random random)
    {
        Grade[] primary = [Grade.K2, Grade.K3, Grade.P1, Grade.P2, Grade.P3, Grade.P4, Grade.P5, Grade.P6];
        Grade[] grades = size is Size.SmallExtended or Size.LargeExtended ? [.. primary, Grade.M1, Grade.M2, Grade.M3] : primary;
        return grades.Select(g =>
        {
            var students = size switch
            {
                Size.SmallPrimary => random.Next(4, 15),
                Size.SmallExtended => random.Next(3, 11),
                Size.LargePrimary => random.Next(g < Grade.P1 ? 18 : 24, g < Grade.P1 ? 40 : 52),
                _ => random.Next(g < Grade.P1 ? 18 : 22, g < Grade.P1 ? 36 : 46),
            };
            return Count(school, year, g, students, random);
        }).ToList();
    }

    private static StudentCount Vary(StudentCount c, int year, Random random) =>
        Count(new School { Id = c.SchoolId, AreaId = c.AreaId, Code = "", Name = "" }, year, c.Grade,
            Math.Max(1, (c.Boys + c.Girls) * random.Next(90, 111) / 100), random);

    private static StudentCount Count(School school, int year, Grade grade, int students, Random random)
    {
        var boys = (students * random.Next(45, 58) + 50) / 100;
        var perRoom = grade < Grade.P1 ? 30 : 40;
        return new StudentCount
        {
            AreaId = school.AreaId, SchoolId = school.Id, AcademicYear = year, Grade = grade,
            Boys = boys, Girls = students - boys, Classrooms = Math.Max(1, (students + perRoom - 1) / perRoom),
        };
    }
}
