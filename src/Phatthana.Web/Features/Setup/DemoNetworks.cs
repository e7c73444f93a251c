using Phatthana.Web.Data;
using Phatthana.Web.Features.Onet;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Organisation.Networks;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// Seed 000's 12 quality networks in full: memberships since three academic years ago (three schools moved network a
/// year ago, so the history shows), a chair, committee and secretary of member schools' directors, the seed's goals
/// (O-NET above the national mean, O-NET up 5 per cent, every school passing QA) for the last two years, academic
/// centres by subject area at member schools with their supervisor, one or two supervisors per network, two meetings
/// each with minutes and attendance, and two years of O-NET ป.6 (ม.3 for extended-opportunity schools) with the
/// national and area rows — network 7 strongest in mathematics, as the seed found. Deterministic.
/// </summary>
internal static class DemoNetworks
{
    public static readonly SubjectArea[] CentreSubjects =
        [SubjectArea.Thai, SubjectArea.Mathematics, SubjectArea.Science, SubjectArea.ForeignLanguages, SubjectArea.SocialStudies, SubjectArea.EarlyChildhood];

    /// <summary>National means per subject (ไทย, สังคม, อังกฤษ, คณิต, วิทย์) of the two demo years, older first.</summary>
    private static readonly Dictionary<OnetLevel, decimal[][]> National = new()
    {
        [OnetLevel.P6] = [[50.38m, 46.58m, 39.22m, 29.99m, 34.30m], [52.40m, 47.10m, 38.87m, 31.43m, 35.55m]],
        [OnetLevel.M3] = [[52.95m, 40.20m, 32.05m, 24.39m, 31.45m], [55.39m, 41.12m, 31.36m, 25.42m, 30.25m]],
    };

    public static void Build(AppDbContext db, Area area, IReadOnlyList<School> schools, IReadOnlyList<SchoolNetwork> networks, IReadOnlyList<Person> people,
        int thisYear, DateOnly today, Random random)
    {
        var since = SchoolCalendar.AcademicYearStart(thisYear - 3);
        var moved = SchoolCalendar.AcademicYearStart(thisYear - 1);
        // Three schools came from the next network a year ago: their history has two memberships.
        var movers = networks.Select(n => schools.Where(s => s.NetworkId == n.Id).ToList()).Where(m => m.Count > 1).Take(3).Select(m => m[^1]).ToHashSet();
        foreach (var s in schools)
        {
            if (movers.Contains(s))
            {
                var index = networks.ToList().FindIndex(n => n.Id == s.NetworkId);
                var before = networks[(index + 1) % networks.Count];
                db.NetworkMemberships.Add(new NetworkMembership { AreaId = area.Id, NetworkId = before.Id, SchoolId = s.Id, From = since, To = moved.AddDays(-1) });
                db.NetworkMemberships.Add(new NetworkMembership { AreaId = area.Id, NetworkId = s.NetworkId!.Value, SchoolId = s.Id, From = moved });
            }
            else db.NetworkMemberships.Add(new NetworkMembership { AreaId = area.Id, NetworkId = s.NetworkId!.Value, SchoolId = s.Id, From = since });
        }

        var supervisors = people.Where(p => p.Position == Position.Supervisor && p.Status == PersonStatus.Active).OrderBy(p => p.NationalId).ToList();
        var boardFrom = SchoolCalendar.AcademicYearStart(thisYear - 1);
        for (var n = 0; n < networks.Count; n++)
        {
            var network = networks[n];
            var members = schools.Where(s => s.NetworkId == network.Id).ToList();
            NetworkRole Seat(NetworkRoleKind role, School school, DateOnly from, DateOnly? to = null) => new()
            {
                AreaId = area.Id, NetworkId = network.Id, Role = role, SchoolId = school.Id, Name = $"ผู้อำนวยการ{school.Name}", From = from, To = to,
            };
            // The chair and secretary are those the network's own fields name (the demo seeder set them from the first and last member).
            db.NetworkRoles.Add(Seat(NetworkRoleKind.Chair, members[0], boardFrom));
            db.NetworkRoles.Add(Seat(NetworkRoleKind.Secretary, members[^1], boardFrom));
            foreach (var m in members.Skip(1).Take(3)) db.NetworkRoles.Add(Seat(NetworkRoleKind.Committee, m, boardFrom));
            if (n == 0) db.NetworkRoles.Add(Seat(NetworkRoleKind.Chair, members[1], SchoolCalendar.AcademicYearStart(thisYear - 3), boardFrom.AddDays(-1)));

            foreach (var year in new[] { thisYear - 2, thisYear - 1 })
            {
                db.NetworkGoals.Add(new NetworkGoal { AreaId = area.Id, NetworkId = network.Id, AcademicYear = year, Metric = GoalMetric.OnetAboveNational,
                    Title = "ผลสัมฤทธิ์ O-NET เฉลี่ยสูงกว่าค่าเฉลี่ยระดับประเทศ", Target = 0 });
                db.NetworkGoals.Add(new NetworkGoal { AreaId = area.Id, NetworkId = network.Id, AcademicYear = year, Metric = GoalMetric.OnetGain,
                    Title = "ผลสัมฤทธิ์ O-NET เฉลี่ยสูงขึ้นจากปีก่อน ร้อยละ 5", Target = 5 });
                var passed = members.Count - (random.Next(4) == 0 ? 1 : 0);
                db.NetworkGoals.Add(new NetworkGoal { AreaId = area.Id, NetworkId = network.Id, AcademicYear = year, Metric = GoalMetric.QaPassed,
                    Title = "โรงเรียนผ่านการประเมินการประกันคุณภาพภายในและภายนอก ร้อยละ 100", Target = 100, Actual = Math.Round(100m * passed / members.Count, 2) });
            }

            var assigned = supervisors.Count == 0 ? [] : new[] { supervisors[n % supervisors.Count], supervisors[(n + 5) % supervisors.Count] }.Distinct().Take(1 + n % 2).ToList();
            foreach (var p in assigned) db.NetworkSupervisors.Add(new NetworkSupervisor { AreaId = area.Id, NetworkId = network.Id, PersonId = p.Id });
            for (var c = 0; c < 3; c++)
                db.AcademicCentres.Add(new AcademicCentre
                {
                    AreaId = area.Id, NetworkId = network.Id, Subject = CentreSubjects[(n + c) % CentreSubjects.Length], SchoolId = members[c % members.Count].Id,
                    SupervisorId = assigned.Count > 0 ? assigned[c % assigned.Count].Id : null,
                });

            var meetings = new[]
            {
                (Date: today.AddDays(-140 - n), Agenda: "1. แจ้งเพื่อทราบ: นโยบายยกระดับผลสัมฤทธิ์ ปีการศึกษา " + thisYear + "\n2. วิเคราะห์ผล O-NET ปีที่ผ่านมา จุดเด่น จุดด้อย\n3. กำหนด Best Practice และห้องเรียนต้นแบบของเครือข่าย",
                    Minutes: "ที่ประชุมรับทราบผล O-NET และมอบหมายศูนย์วิชาการจัดทำแผนสอนซ่อมเสริม กำหนดห้องเรียนต้นแบบคณิตศาสตร์และภาษาไทย"),
                (Date: today.AddDays(-30 - n), Agenda: "1. ติดตามผลการดำเนินงานตามแผนคุณภาพของเครือข่าย\n2. เตรียมการสอบ O-NET ชั้น ป.6\n3. เรื่องอื่น ๆ",
                    Minutes: (string?)(n % 3 == 0 ? null : "โรงเรียนรายงานความก้าวหน้าการสอนซ่อมเสริม นัดติวร่วมกันที่โรงเรียนประธานเครือข่ายทุกวันอังคาร")),
            };
            foreach (var (date, agenda, minutes) in meetings)
            {
                var meeting = new NetworkMeeting { AreaId = area.Id, NetworkId = network.Id, Date = date, Place = members[0].Name, Agenda = agenda, Minutes = minutes };
                foreach (var s in members.Where(_ => random.Next(10) < 8))
                    meeting.Attendance.Add(new MeetingAttendance { MeetingId = meeting.Id, SchoolId = s.Id, Name = s.Name });
                foreach (var p in assigned) meeting.Attendance.Add(new MeetingAttendance { MeetingId = meeting.Id, PersonId = p.Id, Name = p.FullName });
                db.NetworkMeetings.Add(meeting);
            }
        }

        AddOnet(db, area, schools, networks, thisYear, random);
    }

    private static void AddOnet(AppDbContext db, Area area, IReadOnlyList<School> schools, IReadOnlyList<SchoolNetwork> networks, int thisYear, Random random)
    {
        var subjects = Enum.GetValues<OnetSubject>();
        foreach (var level in new[] { OnetLevel.P6, OnetLevel.M3 })
        {
            var sitting = schools.Where(s => level == OnetLevel.P6 || s.Type == SchoolType.ExtendedOpportunity).ToList();
            // Each school keeps its strength from year to year; its change varies (most improve, some slip).
            var strength = sitting.ToDictionary(s => s.Id, s => random.Next(-60, 61) / 10m + NetworkEffect(networks, s));
            var students = sitting.ToDictionary(s => s.Id, s => random.Next(4, 46));
            for (var y = 0; y < 2; y++)
            {
                var year = thisYear - 2 + y;
                var national = National[level][y];
                var areaSums = new decimal[subjects.Length];
                foreach (var s in sitting)
                {
                    var change = y == 0 ? 0 : random.Next(-25, 61) / 10m;
                    strength[s.Id] += change;
                    var count = Math.Max(1, students[s.Id] + random.Next(-3, 4));
                    for (var i = 0; i < subjects.Length; i++)
                    {
                        var math7 = subjects[i] == OnetSubject.Mathematics && networks.ToList().FindIndex(n => n.Id == s.NetworkId) == 6 ? 6m : 0m;
                        var score = Math.Clamp(Math.Round(national[i] + strength[s.Id] + math7 + random.Next(-40, 41) / 10m, 2), 5m, 98m);
                        areaSums[i] += score;
                        db.OnetScores.Add(new OnetScore { AreaId = area.Id, AcademicYear = year, Level = level, Kind = OnetRowKind.School, SchoolId = s.Id, Subject = subjects[i], Score = score, Students = count });
                    }
                }
                for (var i = 0; i < subjects.Length; i++)
                {
                    db.OnetScores.Add(new OnetScore { AreaId = area.Id, AcademicYear = year, Level = level, Kind = OnetRowKind.National, Subject = subjects[i], Score = national[i] });
                    db.OnetScores.Add(new OnetScore { AreaId = area.Id, AcademicYear = year, Level = level, Kind = OnetRowKind.Area, Subject = subjects[i], Score = Math.Round(areaSums[i] / sitting.Count, 2) });
                }
            }
        }
    }

    /// <summary>Some networks are ahead of the nation and some behind, so the goals are met by some and not by others.</summary>
    private static decimal NetworkEffect(IReadOnlyList<SchoolNetwork> networks, School s) =>
        (networks.ToList().FindIndex(n => n.Id == s.NetworkId) % 4) switch { 0 => 3m, 1 => -2m, 2 => 1m, _ => -4m };
}
