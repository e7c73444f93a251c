using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;

namespace Phatthana.Bench.Personnel;

/// <summary>One generated person: the values an office's file or the registry would hold.</summary>
public sealed record SamplePerson(
    string NationalId, string Title, string FirstName, string LastName, Gender Gender, DateOnly BirthDate, Position Position,
    AcademicStanding? Standing, SubjectArea? Major, SubjectArea[] Subjects, int? School, string? Division, DateOnly StartDate,
    PersonStatus? Status, DateOnly? EffectiveDate);

/// <summary>
/// Realistic, valid and deterministic personnel of one area: common Thai given names and surnames, 13-digit national IDs
/// with a correct check digit (all distinct), the mix of positions of a primary-school area (teachers at schools,
/// supervisors and other staff in the office's divisions), standings, majors, dates in range, a few transfers.
/// </summary>
public static class SamplePeople
{
    public static readonly string[] MaleNames =
    [
        "สมชาย", "สมศักดิ์", "สมพงษ์", "ประเสริฐ", "วีระพงษ์", "ธนากร", "ณัฐพล", "อนุชา", "สุรชัย", "วิชัย", "ชัยวัฒน์", "กิตติพงษ์",
        "ธีรวัฒน์", "ปิยะพงษ์", "ศักดิ์ชัย", "สุทธิพงษ์", "อภิชาติ", "เกียรติศักดิ์", "ณรงค์", "บุญเลิศ", "ประยุทธ", "พงศกร", "ภานุวัฒน์", "มานพ",
        "ยุทธนา", "รัฐพล", "วัชระ", "ศุภชัย", "สมบัติ", "อำนาจ", "จักรพันธ์", "ชาญวิทย์", "ทรงศักดิ์", "นพดล", "ปรีชา", "พิทักษ์",
    ];

    public static readonly string[] FemaleNames =
    [
        "สุดารัตน์", "พิมพ์ชนก", "กาญจนา", "วิไลวรรณ", "จิราพร", "ศิริพร", "นงลักษณ์", "อรุณี", "มาลัย", "สุนันทา", "รัตนา", "ปราณี",
        "วรรณา", "ชุติมา", "ณัฐธิดา", "ธิดารัตน์", "นภาพร", "เบญจวรรณ", "ปิยนุช", "พรทิพย์", "เพ็ญศรี", "ลัดดาวัลย์", "วันเพ็ญ", "สายสุนีย์",
        "สุภาพร", "อัญชลี", "อารีรัตน์", "กนกวรรณ", "จันทร์เพ็ญ", "ดวงใจ", "ทิพวรรณ", "นันทนา", "บุษบา", "ประภาพร", "ยุพิน", "สมใจ",
    ];

    public static readonly string[] Surnames =
    [
        "ใจดี", "ศรีสุข", "ทองคำ", "ใจงาม", "แก้วมณี", "วงศ์ไทย", "สุขสวัสดิ์", "บุญมา", "รักษาศรี", "จันทร์หอม", "พรหมมา", "ศรีวงศ์",
        "มั่นคง", "ทองดี", "แสงทอง", "ชัยมงคล", "บุญประเสริฐ", "สมบูรณ์", "วงศ์สวัสดิ์", "เพชรรัตน์", "นาคสุข", "อินทร์แก้ว", "ประเสริฐศรี", "สุวรรณรัตน์",
        "ปัญญาดี", "เรืองศรี", "ขำเจริญ", "พูลสวัสดิ์", "รุ่งเรือง", "สายทอง", "ทองมา", "คงสมบูรณ์", "อ่อนละมัย", "เกตุแก้ว", "ศรีเพชร", "บัวทอง",
        "มีสุข", "จันทร์แก้ว", "สิทธิชัย", "ธรรมรักษ์", "วิเศษศักดิ์", "เนียมหอม", "ปานทอง", "ลิ้มเจริญ", "โพธิ์ทอง", "ยิ้มแย้ม", "สุขเกษม", "อุดมสุข",
    ];

    private static readonly (Position Position, int Weight)[] Positions =
    [
        (Position.Teacher, 600), (Position.AssistantTeacher, 120), (Position.DeputyDirector, 30), (Position.Director, 20),
        (Position.GovernmentEmployee, 80), (Position.ContractTeacher, 100), (Position.Supervisor, 20), (Position.EducationalPersonnel, 30),
    ];

    private static readonly SubjectArea[] Teaching =
    [
        SubjectArea.Thai, SubjectArea.Mathematics, SubjectArea.Science, SubjectArea.SocialStudies, SubjectArea.HealthPE, SubjectArea.Arts,
        SubjectArea.CareerTech, SubjectArea.ForeignLanguages, SubjectArea.EarlyChildhood,
    ];

    /// <summary><paramref name="count"/> people working at the area's <paramref name="schools"/> schools and its divisions.</summary>
    public static IEnumerable<SamplePerson> Generate(int count, int schools, DateOnly today, int seed)
    {
        var random = new Random(seed);
        var ids = new HashSet<string>();
        var totalWeight = Positions.Sum(p => p.Weight);
        for (var n = 0; n < count; n++)
        {
            string id;
            do id = NewId(random); while (!ids.Add(id));

            var pick = random.Next(totalWeight);
            var position = Positions.First(p => (pick -= p.Weight) < 0).Position;
            var gender = random.Next(100) < 68 ? Gender.Female : Gender.Male; // most teachers are women
            var title = gender == Gender.Female
                ? random.Next(100) switch { < 55 => "นาง", < 95 => "นางสาว", < 98 => "ว่าที่ร้อยตรีหญิง", _ => "ดร." }
                : random.Next(100) switch { < 90 => "นาย", < 97 => "ว่าที่ร้อยตรี", _ => "ดร." };
            var first = gender == Gender.Female ? FemaleNames[random.Next(FemaleNames.Length)] : MaleNames[random.Next(MaleNames.Length)];
            var last = Surnames[random.Next(Surnames.Length)];

            var age = position switch
            {
                Position.Director => random.Next(40, 60),
                Position.DeputyDirector or Position.Supervisor => random.Next(35, 60),
                Position.AssistantTeacher or Position.ContractTeacher => random.Next(23, 35),
                _ => random.Next(25, 60),
            };
            var birth = today.AddYears(-age).AddDays(-random.Next(1, 360));
            var start = birth.AddYears(random.Next(22, Math.Max(23, Math.Min(age, 30)))).AddDays(random.Next(0, 200));
            if (start > today) start = today.AddDays(-random.Next(30, 400));

            AcademicStanding? standing = null;
            if (PersonRules.HoldsStanding(position))
                standing = (today.Year - start.Year) switch
                {
                    < 6 => AcademicStanding.None,
                    < 12 => random.Next(3) == 0 ? AcademicStanding.None : AcademicStanding.Professional,
                    < 20 => random.Next(3) == 0 ? AcademicStanding.Professional : AcademicStanding.SeniorProfessional,
                    _ => random.Next(8) == 0 ? AcademicStanding.Expert : AcademicStanding.SeniorProfessional,
                };

            SubjectArea? major = null;
            var subjects = Array.Empty<SubjectArea>();
            if (PersonRules.Teaches(position))
            {
                major = Teaching[random.Next(Teaching.Length)];
                subjects = random.Next(3) == 0 ? [major.Value, Teaching[random.Next(Teaching.Length)]] : [major.Value];
                subjects = [.. subjects.Distinct().Order()];
            }

            var inOffice = position is Position.Supervisor or Position.EducationalPersonnel && random.Next(3) > 0;
            int? school = inOffice ? null : random.Next(schools);
            var division = inOffice ? (position == Position.Supervisor ? BenchArea.Divisions[4] : BenchArea.Divisions[random.Next(BenchArea.Divisions.Length)]) : null;

            PersonStatus? status = null;
            DateOnly? effective = null;
            if (random.Next(100) == 0)
            {
                status = PersonStatus.Transferred;
                effective = today.AddDays(-random.Next(1, 300));
            }
            yield return new SamplePerson(id, title, first, last, gender, birth, position, standing, major, subjects, school, division, start, status, effective);
        }
    }

    /// <summary>A valid national ID: first digit 1 or 3 (born after / before 1984), eleven random digits, the check digit.</summary>
    private static string NewId(Random random)
    {
        Span<char> digits = stackalloc char[13];
        digits[0] = random.Next(4) == 0 ? '3' : '1';
        for (var i = 1; i < 12; i++) digits[i] = (char)('0' + random.Next(10));
        digits[12] = (char)('0' + NationalId.CheckDigit(digits[..12]));
        return new string(digits);
    }
}
