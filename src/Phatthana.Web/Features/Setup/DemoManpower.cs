using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// The demo area's manpower picture after seed 000 ("26 schools short 67 posts, 49 over 98 posts, 29 exact; net surplus
/// 31 = 3.40 %"). The register (<see cref="DemoPersonnel"/>) was sized to each school's enrolment when its posts were
/// allotted; since then enrolment has moved, so this year's counts are set, school by school, to leave its register
/// short, over or exact under the shipped criteria in about the seed's proportions — big schools that grew are short,
/// small schools that shrank are over. Teachers get the level they teach, a few teach outside their major, and some
/// schools ask for teachers of the subjects they lack. Deterministic: each step has its own random.
/// </summary>
internal static class DemoManpower
{
    // Wanted differences (posts − required) per school, for the 102 schools with this year's counts: seed 000's 26 short
    // by 67, 49 over by 98 and 29 exact of 104, less the two schools that sent no counts. A small extended-opportunity
    // school is at least two over (its floor of six teachers is the top band), so the demo gives 25 short by 66, 49 over
    // by 96 and 28 exact: net surplus 30 = 3.39 % of 884 required (DemoSeederTests).
    private static readonly int[] LargeShort = [-1, -1, -1, -2, -2, -2, -2, -3, -3, -3, -3, -3, -4, -4, -4, -5, -5, -6, -6];
    private static readonly int[] LargeOver = [1, 1, 2, 2, 3];
    private static readonly int[] SmallShort = [-1, -1, -1, -1, -1, -1];
    private static readonly int[] SmallOver =
        [.. Enumerable.Repeat(1, 17), .. Enumerable.Repeat(2, 13), .. Enumerable.Repeat(3, 10), .. Enumerable.Repeat(4, 3)];

    /// <summary>Teachers who teach outside their major (วิชาเอก), as a share of the teaching staff of schools.</summary>
    private const double OutOfMajorShare = 0.065;

    /// <summary>What out-of-major teachers take on: mostly the subjects schools find hardest to staff.</summary>
    private static readonly (SubjectArea Subject, int Weight)[] TakenOn =
    [
        (SubjectArea.Mathematics, 30), (SubjectArea.Science, 25), (SubjectArea.ForeignLanguages, 25), (SubjectArea.Thai, 8),
        (SubjectArea.HealthPE, 6), (SubjectArea.Arts, 6),
    ];

    /// <summary>Of an extended-opportunity school's teachers of a subject, the percentage whose classes are mostly ม.1–ม.3.</summary>
    private static int LowerSecondaryPercent(SubjectArea? subject) => subject switch
    {
        SubjectArea.Mathematics or SubjectArea.ForeignLanguages => 50,
        SubjectArea.Science or SubjectArea.CareerTech => 55,
        SubjectArea.Guidance => 60,
        SubjectArea.SocialStudies => 45,
        SubjectArea.HealthPE => 40,
        SubjectArea.Thai or SubjectArea.Arts => 35,
        _ => 0,
    };

    /// <summary>
    /// Teaching staff of schools: about one in sixteen teaches outside their major (a Thai or social-studies graduate
    /// taking mathematics, science or English), and each gets the level they mainly teach — early-childhood teachers
    /// ปฐมวัย, primary schools' others ประถมศึกษา, extended-opportunity schools' a mix of ประถมศึกษา and มัธยมศึกษาตอนต้น
    /// by subject. Records the legacy data left without a major or subjects keep their gap.
    /// </summary>
    public static void Teach(DemoPersonnel personnel, IReadOnlyList<DemoSchool> schools, Random random)
    {
        var extended = schools.Where(s => s.Extended).Select(s => s.School.Id).ToHashSet();
        var teachers = personnel.Drafts.Where(d => d.V is { School: not null, Status: PersonStatus.Active } && PersonRules.Teaches(d.V.Position)).ToList();
        var outOfMajor = teachers
            .Where(d => d != personnel.LinkedTeacher && d.V.Major is { } major && d.V.TeachingSubjectAreas.Contains(major))
            .OrderBy(_ => random.Next()).Take((int)Math.Round(teachers.Count * OutOfMajorShare)).ToList();
        foreach (var d in outOfMajor)
        {
            var choices = TakenOn.Where(t => t.Subject != d.V.Major).ToList();
            var pick = random.Next(choices.Sum(c => c.Weight));
            var subject = choices.First(c => (pick -= c.Weight) < 0).Subject;
            d.V = d.V with { TeachingSubjectAreas = [subject] };
        }
        foreach (var d in teachers)
        {
            var subject = d.V.TeachingSubjectAreas.Count > 0 ? d.V.TeachingSubjectAreas[0] : d.V.Major;
            var level = subject == SubjectArea.EarlyChildhood ? TeachingLevel.PrePrimary
                : extended.Contains(d.V.School!.Id) && random.Next(100) < LowerSecondaryPercent(subject) ? TeachingLevel.LowerSecondary
                : TeachingLevel.Primary;
            d.V = d.V with { TeachingLevel = level };
        }
    }

    /// <summary>
    /// This year's requests for teachers by subject (<see cref="SubjectNeed"/>) from every school left short and from a
    /// few others whose subjects are taught out of major: each asks for one or two more teachers than it has of one or
    /// two subjects, and lists a subject or two it has enough of.
    /// </summary>
    public static List<SubjectNeed> Needs(Guid areaId, int year, DemoPersonnel personnel, IReadOnlyList<DemoSchool> schools,
        IReadOnlyDictionary<Guid, int> differences, Random random)
    {
        var staff = personnel.Drafts.Where(d => d.V is { School: not null, Status: PersonStatus.Active } && PersonRules.Teaches(d.V.Position))
            .ToLookup(d => d.V.School!.Id);
        var covered = schools.Where(s => differences.ContainsKey(s.School.Id)).ToList();
        var asking = covered.Where(s => differences[s.School.Id] < 0)
            .Concat(covered.Where(s => differences[s.School.Id] >= 0 && staff[s.School.Id].Any(d => d.V.Major is { } m && !d.V.TeachingSubjectAreas.Contains(m) && d.V.TeachingSubjectAreas.Count > 0))
                .OrderBy(_ => random.Next()).Take(NeedsBeyondShortSchools))
            .ToList();
        var needs = new List<SubjectNeed>();
        foreach (var school in asking)
        {
            var people = staff[school.School.Id].ToList();
            // What a school has of a subject, counted both ways it could be: by major and by who teaches it.
            int Has(SubjectArea subject) => Math.Min(people.Count(d => d.V.Major == subject), people.Count(d => d.V.TeachingSubjectAreas.Contains(subject)));
            int HasAtMost(SubjectArea subject) => Math.Max(people.Count(d => d.V.Major == subject), people.Count(d => d.V.TeachingSubjectAreas.Contains(subject)));
            var taughtOutOfMajor = people.Where(d => d.V.Major is { } m && d.V.TeachingSubjectAreas.Count > 0 && !d.V.TeachingSubjectAreas.Contains(m))
                .SelectMany(d => d.V.TeachingSubjectAreas).ToList();
            var lacking = taughtOutOfMajor.Concat(TakenOn.OrderBy(_ => random.Next()).Select(t => t.Subject)).Distinct()
                .Take(differences[school.School.Id] <= -3 ? 2 : 1 + random.Next(2)).ToList();
            foreach (var subject in lacking)
            {
                var more = differences[school.School.Id] <= -4 ? 2 : 1;
                needs.Add(Need(subject, HasAtMost(subject) + more, taughtOutOfMajor.Contains(subject)
                    ? $"ครูที่สอนอยู่ไม่ได้จบวิชาเอก{PersonnelText.Label(subject)}"
                    : $"ขาดครูวิชาเอก{PersonnelText.Label(subject)}"));
            }
            foreach (var subject in Enum.GetValues<SubjectArea>().Where(a => !lacking.Contains(a) && Has(a) > 0).OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
                needs.Add(Need(subject, Has(subject), null));

            SubjectNeed Need(SubjectArea subject, int needed, string? note) => new()
            {
                AreaId = areaId, SchoolId = school.School.Id, AcademicYear = year, SubjectArea = subject, Needed = needed, Note = note,
            };
        }
        return needs;
    }

    /// <summary>Schools not short that still ask for a teacher of a subject taught out of major.</summary>
    private const int NeedsBeyondShortSchools = 5;

    /// <summary>How far this year's enrolment may have moved from the one the register was sized to.</summary>
    private const int LowestPercent = 50, HighestPercent = 180, PercentStep = 2;

    /// <summary>Up to how many percentage points of change a school may be passed over for one that needs more.</summary>
    private const int Jitter = 24;

    /// <summary>
    /// Rescales each school's counts (this year's, and last year's in step) so its register is short, over or exact by
    /// a wanted difference. Small schools stay under 120 students and large ones above 150, so the area keeps its 75
    /// small schools. Each school is given a difference it reaches with a small change, and set well inside the band
    /// that gives it. Returns each fitted school's difference (posts − required).
    /// </summary>
    public static Dictionary<Guid, int> FitCounts(IReadOnlyList<DemoSchool> schools, IReadOnlyList<(List<StudentCount> This, List<StudentCount> Last)> counts,
        IReadOnlyList<Post> posts, HashSet<Guid> withoutCounts, Random random)
    {
        var criteria = StaffingCriteria.Default;
        var postsOf = posts.GroupBy(p => p.SchoolId).ToDictionary(g => g.Key, g => g.Count());
        var fits = new List<Fit>();
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            if (withoutCounts.Contains(school.School.Id)) continue;
            var small = school.Students < 120;
            var (fewest, most) = small ? (SmallShort.Min(), SmallOver.Max()) : (LargeShort.Min(), LargeOver.Max());
            var differences = new SortedDictionary<int, int>();
            var (last, lastDifference) = ("", 0);
            // More pupils never need fewer teachers, so scan out from no change and stop past the differences wanted.
            foreach (var direction in new[] { 1, -1 })
                for (var percent = direction > 0 ? 100 : 100 - PercentStep; percent is >= LowestPercent and <= HighestPercent; percent += direction * PercentStep)
                {
                    var grades = counts[i].This.Select(c => new GradeStudents(c.Grade, Scaled(c, percent))).ToList();
                    var students = grades.Sum(g => g.Students);
                    if (small ? students >= 120 : students <= 150) break;
                    var key = string.Join(",", grades.Select(g => g.Students));
                    if (key != last) (last, lastDifference) = (key, postsOf[school.School.Id] - StaffingCalculator.Compute(criteria, grades).Total);
                    differences[percent] = lastDifference;
                    if (direction > 0 ? lastDifference < fewest : lastDifference > most) break;
                }
            fits.Add(new Fit(i, small, Options(differences), random.Next(Jitter)));
        }

        foreach (var small in new[] { false, true })
        {
            var group = fits.Where(f => f.Small == small).OrderBy(f => f.Order).ToList();
            int[] wanted = small ? [.. SmallShort, .. SmallOver] : [.. LargeShort, .. LargeOver];
            wanted = [.. wanted, .. Enumerable.Repeat(0, Math.Max(0, group.Count - wanted.Length))];
            // The largest differences first, each to a school that needs a small change for it (with some chance in
            // which, so that no kind of school is all short or all over).
            foreach (var difference in wanted.OrderByDescending(Math.Abs).Take(group.Count))
            {
                var best = group.Where(f => f.Percent is null)
                    .SelectMany(f => f.Options.Select(o => (Fit: f, Difference: o.Key, Run: o.Value)))
                    .OrderBy(o => Math.Abs(o.Difference - difference)).ThenBy(o => o.Run.Distance + o.Fit.Order).ThenBy(o => o.Fit.Index)
                    .First();
                (best.Fit.Percent, best.Fit.Difference) = (best.Run.Pick(random), best.Difference);
            }
        }

        foreach (var fit in fits)
        {
            var (current, last) = counts[fit.Index];
            for (var g = 0; g < current.Count; g++)
            {
                var was = current[g].Boys + current[g].Girls;
                var now = Scaled(current[g], fit.Percent!.Value);
                Rescale(current[g], now);
                // Last year moves in step, keeping its own year-on-year change.
                Rescale(last[g], Math.Max(1, (int)Math.Round((double)now * (last[g].Boys + last[g].Girls) / was)));
            }
        }
        return fits.ToDictionary(f => schools[f.Index].School.Id, f => f.Difference);
    }

    /// <summary>
    /// For each difference a school can reach, the run of enrolment changes that gives it (the run nearest to no change)
    /// and how far that run is from no change.
    /// </summary>
    private static Dictionary<int, Run> Options(SortedDictionary<int, int> differences)
    {
        var percents = differences.Keys.ToList();
        var options = new Dictionary<int, Run>();
        foreach (var difference in differences.Values.Distinct())
        {
            var nearest = percents.Where(p => differences[p] == difference).MinBy(p => Math.Abs(p - 100));
            var at = percents.IndexOf(nearest);
            var (from, to) = (at, at);
            while (from > 0 && differences[percents[from - 1]] == difference) from--;
            while (to < percents.Count - 1 && differences[percents[to + 1]] == difference) to++;
            options[difference] = new Run(percents[from], percents[to], Math.Abs(nearest - 100));
        }
        return options;
    }

    /// <summary>Enrolment changes from <see cref="From"/> to <see cref="To"/> percent give the same difference.</summary>
    private sealed record Run(int From, int To, int Distance)
    {
        /// <summary>A change inside the run, away from its ends where a few pupils more or less would cross a band.</summary>
        public int Pick(Random random)
        {
            var margin = (To - From) / 4 / PercentStep * PercentStep;
            return From + margin + random.Next((To - From - 2 * margin) / PercentStep + 1) * PercentStep;
        }
    }

    private sealed record Fit(int Index, bool Small, Dictionary<int, Run> Options, int Order)
    {
        public int? Percent { get; set; }
        public int Difference { get; set; }
    }

    private static int Scaled(StudentCount c, int percent) => Math.Max(1, (int)Math.Round((c.Boys + c.Girls) * percent / 100.0));

    /// <summary>The same grade with <paramref name="students"/> students: boys and girls in the same proportion, rooms to fit.</summary>
    private static void Rescale(StudentCount c, int students)
    {
        var boys = (int)Math.Round((double)students * c.Boys / Math.Max(1, c.Boys + c.Girls));
        c.Boys = boys;
        c.Girls = students - boys;
        var perRoom = c.Grade < Grade.P1 ? 30 : 40;
        c.Classrooms = Math.Max(1, (students + perRoom - 1) / perRoom);
    }
}
