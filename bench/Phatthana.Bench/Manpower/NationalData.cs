using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Bench.Manpower;

/// <summary>
/// A synthetic national database of the shape OBEC has: ~225 area offices (primary areas of 100–200 schools, secondary
/// areas of ~50), 30,000 schools in all, half of them small (≤ 120 students), grades K–P6 for primary schools, K–M3 for
/// extended-opportunity schools and M1–M6 for secondary ones, student counts for two academic years and a register of
/// posts near each school's requirement (some short, some over, some exact; a few vacant). Deterministic from its seed.
/// </summary>
public sealed class NationalData
{
    public const int TotalSchools = 30_000, PrimaryAreas = 180, SecondaryAreas = 45, SecondaryAreaSchools = 50;
    /// <summary>The measured area: a primary area of 200 schools, the largest in the set.</summary>
    public const int MeasuredAreaSchools = 200;
    public const string MeasuredAreaCode = "P001";
    public const int Year = 2568, PreviousYear = 2567;

    public sealed record AreaRow(Guid Id, string Code, string Name, AreaKind Kind, string Province, List<DistrictRow> Districts, List<NetworkRow> Networks, List<SchoolRow> Schools);
    public sealed record DistrictRow(Guid Id, string Name);
    public sealed record NetworkRow(Guid Id, string Name);
    public sealed record SchoolRow(Guid Id, string Code, string Smis, string Obec, string Name, SchoolType Type, Guid District, Guid? Network,
        List<CountRow> Counts, List<PostRow> Posts);
    public sealed record CountRow(int Year, Grade Grade, int Boys, int Girls, int Classrooms);
    /// <summary>A post; an occupied one has a person (a thin registry row) of its own.</summary>
    public sealed record PostRow(Guid Id, string Number, PostType Type, Guid? Occupant);

    public List<AreaRow> Areas { get; } = [];

    public int Schools => Areas.Sum(a => a.Schools.Count);
    public int CountRows => Areas.Sum(a => a.Schools.Sum(s => s.Counts.Count));
    public int Posts => Areas.Sum(a => a.Schools.Sum(s => s.Posts.Count));
    public int VacantPosts => Areas.Sum(a => a.Schools.Sum(s => s.Posts.Count(p => p.Occupant is null)));
    public int SmallSchools => Areas.Sum(a => a.Schools.Count(s => Students(s, Year) is > 0 and <= 120));

    public static int Students(SchoolRow s, int year) => s.Counts.Where(c => c.Year == year).Sum(c => c.Boys + c.Girls);

    internal static readonly string[] Provinces =
    [
        "เชียงใหม่", "นครราชสีมา", "ขอนแก่น", "อุบลราชธานี", "อุดรธานี", "บุรีรัมย์", "สุรินทร์", "ศรีสะเกษ", "ร้อยเอ็ด", "ชัยภูมิ",
        "นครศรีธรรมราช", "สงขลา", "เชียงราย", "ลำปาง", "พิษณุโลก", "นครสวรรค์", "เพชรบูรณ์", "สกลนคร", "กาฬสินธุ์", "มหาสารคาม",
        "สุราษฎร์ธานี", "ตาก", "น่าน", "เลย", "กาญจนบุรี", "ราชบุรี", "เพชรบุรี", "ลพบุรี", "สระบุรี", "ปราจีนบุรี",
    ];

    internal static readonly string[] Places =
    [
        "ปากคลอง", "ไทรย้อย", "พระทรง", "คงคาราม", "กุฎีดาว", "ชีประเสริฐ", "โพธิ์การ้อง", "ดอนไก่เตี้ย", "สมอพลือ", "ท่าไชย",
        "บางจาน", "หนองโสน", "ถ้ำรงค์", "ท่าแร้ง", "บางขุนไทร", "ปากทะเล", "แหลมผักเบี้ย", "กุ่ม", "ห้วยโรง", "หนองศาลา",
        "ไร่ส้ม", "ต้นมะม่วง", "นาพันสาม", "สำมะโรง", "ดอนยาง", "หัวสะพาน", "บ่อพลับ", "คลองกระแชง", "ตำหรุ", "โพพระ",
        "ช่องสะแก", "หนองพลับ", "ทับคาง", "สระพัง", "ยางหย่อง", "หนองชุมพล", "ห้วยท่าช้าง", "เขาน้อย", "หนองปลาไหล", "ท่าตะคร้อ",
    ];

    internal static readonly Grade[] PrimaryGrades = [Grade.K2, Grade.K3, Grade.P1, Grade.P2, Grade.P3, Grade.P4, Grade.P5, Grade.P6];
    internal static readonly Grade[] LowerSecondary = [Grade.M1, Grade.M2, Grade.M3];
    internal static readonly Grade[] SecondaryGrades = [Grade.M1, Grade.M2, Grade.M3, Grade.M4, Grade.M5, Grade.M6];

    public static NationalData Generate(int seed = 2568)
    {
        var random = new Random(seed);
        var data = new NationalData();
        // Primary areas: the measured one of 200 schools, the others 100–199 (mean ~154), the last taking what is left
        // so the country has exactly TotalSchools.
        var primaryTotal = TotalSchools - SecondaryAreas * SecondaryAreaSchools;
        var sizes = new List<int> { MeasuredAreaSchools };
        for (var i = 1; i < PrimaryAreas - 1; i++) sizes.Add(110 + (i * 37 % 89));
        sizes.Add(primaryTotal - sizes.Sum());
        if (sizes[^1] is < 60 or > MeasuredAreaSchools) throw new InvalidOperationException($"area sizes do not add up ({sizes[^1]})");

        var schoolIndex = 0;
        for (var a = 0; a < PrimaryAreas + SecondaryAreas; a++)
        {
            var secondary = a >= PrimaryAreas;
            var province = Provinces[a % Provinces.Length];
            var code = secondary ? $"S{a - PrimaryAreas + 1:000}" : $"P{a + 1:000}";
            var name = secondary
                ? $"สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา{province} เขต {a / Provinces.Length + 1}"
                : $"สำนักงานเขตพื้นที่การศึกษาประถมศึกษา{province} เขต {a / Provinces.Length + 1}";
            var count = secondary ? SecondaryAreaSchools : sizes[a];
            var districts = Enumerable.Range(0, Math.Max(3, count / 20)).Select(i => new DistrictRow(Guid.NewGuid(), $"อำเภอที่ {i + 1} {province}")).ToList();
            var networks = Enumerable.Range(0, Math.Max(2, count / 10)).Select(i => new NetworkRow(Guid.NewGuid(), $"เครือข่ายพัฒนาคุณภาพการศึกษาที่ {i + 1}")).ToList();
            var area = new AreaRow(Guid.NewGuid(), code, name, secondary ? AreaKind.Secondary : AreaKind.Primary, province, districts, networks, []);
            for (var i = 0; i < count; i++, schoolIndex++)
            {
                var type = secondary ? SchoolType.Secondary : random.Next(100) < 25 ? SchoolType.ExtendedOpportunity : SchoolType.Primary;
                var students = StudentsFor(random, type);
                var grades = type switch
                {
                    SchoolType.Secondary => SecondaryGrades,
                    SchoolType.ExtendedOpportunity => [.. PrimaryGrades, .. LowerSecondary],
                    _ => PrimaryGrades,
                };
                // About half the schools with a kindergarten take 3-year-olds (K1) too.
                if (type != SchoolType.Secondary && random.Next(2) == 0) grades = [Grade.K1, .. grades];
                var counts = new List<CountRow>();
                foreach (var (year, factor) in new[] { (Year, 1.0), (PreviousYear, 0.97 + random.NextDouble() * 0.06) })
                {
                    // A few schools have not sent this year's counts yet: the analysis lists them apart.
                    if (year == Year && random.Next(1000) < 5) continue;
                    counts.AddRange(Spread(random, grades, (int)Math.Round(students * factor)).Select(g => new CountRow(year, g.Grade, g.Boys, g.Girls, g.Classrooms)));
                }
                var posts = PostsFor(random, counts.Where(c => c.Year == Year).Select(c => new GradeStudents(c.Grade, c.Boys + c.Girls)).ToList(), schoolIndex);
                var district = districts[i * districts.Count / count];
                Guid? network = random.Next(100) < 5 ? null : networks[i * networks.Count / count].Id;
                var place = Places[schoolIndex % Places.Length];
                var schoolName = type == SchoolType.Secondary ? $"โรงเรียน{place}วิทยา {schoolIndex / Places.Length + 1}" : $"โรงเรียนบ้าน{place} {schoolIndex / Places.Length + 1}";
                area.Schools.Add(new SchoolRow(Guid.NewGuid(), $"{1_000_000_000L + (a + 1) * 10_000L + i + 1}", $"{10_000_000 + (a + 1) * 1_000 + i + 1}",
                    $"{100_000 + schoolIndex + 1}", schoolName, type, district.Id, network, counts, posts));
            }
            data.Areas.Add(area);
        }
        return data;
    }

    /// <summary>Half small (≤ 120), a third medium, the rest large; secondary schools larger.</summary>
    internal static int StudentsFor(Random random, SchoolType type)
    {
        var roll = random.Next(100);
        if (type == SchoolType.Secondary)
            return roll < 30 ? random.Next(120, 500) : roll < 80 ? random.Next(500, 1_200) : random.Next(1_200, 3_000);
        return roll < 52 ? random.Next(20, 121) : roll < 88 ? random.Next(121, 300) : roll < 98 ? random.Next(300, 900) : random.Next(900, 2_500);
    }

    /// <summary>The students over the grades, a little uneven, with the rooms the school reports (≈ 35 a room).</summary>
    internal static IEnumerable<(Grade Grade, int Boys, int Girls, int Classrooms)> Spread(Random random, Grade[] grades, int students)
    {
        var weights = grades.Select(_ => 0.8 + random.NextDouble() * 0.4).ToArray();
        var total = weights.Sum();
        foreach (var (grade, weight) in grades.Zip(weights))
        {
            var n = Math.Max(1, (int)Math.Round(students * weight / total));
            var boys = (int)Math.Round(n * (0.45 + random.NextDouble() * 0.1));
            yield return (grade, boys, n - boys, Math.Max(1, (n + 34) / 35));
        }
    }

    /// <summary>
    /// Posts near the requirement of the shipped criteria: about a third short by 1–2, a third over by 1–3, the rest
    /// exact; administrator posts as required (a deputy's post sometimes missing); ~7 % of the posts vacant.
    /// </summary>
    internal static List<PostRow> PostsFor(Random random, List<GradeStudents> grades, int schoolIndex)
    {
        var required = grades.Count == 0 ? null : StaffingCalculator.Compute(StaffingCriteria.Default, grades);
        var administrators = required?.Administrators ?? 1;
        var teachers = required?.Teachers ?? 3;
        var roll = random.Next(100);
        teachers += roll < 33 ? -random.Next(1, 3) : roll < 66 ? random.Next(1, 4) : 0;
        if (administrators > 1 && random.Next(4) == 0) administrators--;
        var posts = new List<PostRow>(administrators + teachers);
        for (var i = 0; i < administrators + Math.Max(teachers, 0); i++)
        {
            var type = i < administrators ? PostType.Administrator : PostType.Teacher;
            posts.Add(new PostRow(Guid.NewGuid(), $"{schoolIndex + 1:00000}{i + 1:000}", type, random.Next(100) < 7 ? null : Guid.NewGuid()));
        }
        return posts;
    }
}
