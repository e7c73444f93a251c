using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;

namespace Phatthana.Web.Features.Setup;

/// <summary>One generated person: age, service, standing, title and subjects that fit the position.</summary>
internal sealed partial class DemoPersonnel
{
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public Draft NewPerson(Position position, SchoolRef? school, DivisionRef? division, SubjectArea? subject)
    {
        var (youngest, oldest) = position switch
        {
            Position.AssistantTeacher => (24, 29), Position.Teacher => (26, 59), Position.DeputyDirector => (38, 55),
            Position.Director => (45, 59), Position.Supervisor => (38, 59), Position.EducationalPersonnel => (26, 59),
            Position.ContractTeacher => (23, 35), _ => (25, 45),
        };
        var age = _random.Next(youngest, oldest + 1);
        var birth = _today.AddYears(-age).AddDays(-_random.Next(1, 365));
        var start = position switch
        {
            Position.AssistantTeacher => _today.AddDays(-_random.Next(30, 700)),
            Position.ContractTeacher or Position.GovernmentEmployee => _today.AddDays(-_random.Next(60, 365 * Math.Min(8, age - 22))),
            _ => Min(birth.AddYears(_random.Next(22, 27)).AddDays(_random.Next(300)), _today.AddYears(-2).AddDays(-_random.Next(300))),
        };
        var female = _random.Next(100) < position switch { Position.Director => 40, Position.DeputyDirector => 50, Position.Supervisor => 55, _ => 72 };
        var gender = female ? Gender.Female : Gender.Male;
        var (first, last) = Names.Next(gender);
        var major = subject ?? (position is Position.EducationalPersonnel ? null : RandomSubject());
        List<SubjectArea> teaching = !PersonRules.Teaches(position) ? []
            : major == SubjectArea.EarlyChildhood || _random.Next(100) >= 25 ? [major!.Value]
            : [.. new[] { major!.Value, RandomSubject() }.Where(s => s != SubjectArea.EarlyChildhood || s == major).Distinct().Order()];
        return new Draft(new PersonValues(Names.NationalIdFor(birth), TitleFor(gender, age, position), first, last, gender, birth,
            position, Standing(position, (_today.DayNumber - start.DayNumber) / 365), major, teaching, null, school, division, start,
            PersonStatus.Active, null));
    }

    /// <summary>The same person born on <paramref name="birth"/>: a new ID to match and a start date at 24.</summary>
    public PersonValues AgedTo(PersonValues v, DateOnly birth) =>
        v with { BirthDate = birth, NationalId = Names.NationalIdFor(birth), StartDate = birth.AddYears(24).AddDays(_random.Next(300)) };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private SubjectArea RandomSubject()
    {
        var pick = _random.Next(TeacherPosts.Sum(t => t.Primary + t.Extended));
        foreach (var (subject, primary, extended) in TeacherPosts)
            if ((pick -= primary + extended) < 0) return subject;
        return SubjectArea.Thai;
    }

    /// <summary>Many ชำนาญการ and ชำนาญการพิเศษ, few เชี่ยวชาญ; none in the first years of service.</summary>
    private AcademicStanding Standing(Position position, int years)
    {
        if (!PersonRules.HoldsStanding(position)) return AcademicStanding.None;
        var roll = _random.Next(100);
        return position switch
        {
            Position.Director or Position.Supervisor => roll < 8 ? AcademicStanding.Expert : roll < 70 ? AcademicStanding.SeniorProfessional : AcademicStanding.Professional,
            Position.DeputyDirector => roll < 60 ? AcademicStanding.SeniorProfessional : AcademicStanding.Professional,
            _ when years < 6 => AcademicStanding.None,
            _ when years < 12 => roll < 75 ? AcademicStanding.Professional : AcademicStanding.None,
            _ => roll < 3 ? AcademicStanding.Expert : roll < 58 ? AcademicStanding.SeniorProfessional : roll < 95 ? AcademicStanding.Professional : AcademicStanding.None,
        };
    }

    private string TitleFor(Gender gender, int age, Position position)
    {
        var roll = _random.Next(100);
        if (age >= 35 && roll < (position is Position.Director or Position.Supervisor ? 10 : 1)) return "ดร.";
        if (gender == Gender.Male) return roll >= 97 ? "ว่าที่ร้อยตรี" : "นาย";
        if (roll >= 99) return "ว่าที่ร้อยตรีหญิง";
        return _random.Next(100) < (age < 30 ? 20 : 65) ? "นาง" : "นางสาว";
    }
}
