using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Tests.Shared;

/// <summary>
/// The rebalancing suggestions on hand-built schools: who gives, who receives, in which order, and that no giving school
/// ends below its requirement. Requirements are set directly (the calculator has its own tests).
/// </summary>
public sealed class RebalancingTests
{
    private static readonly Guid DistrictA = Guid.NewGuid(), DistrictB = Guid.NewGuid(), Network1 = Guid.NewGuid(), Network2 = Guid.NewGuid();

    private static SchoolManpower School(string code, int requiredTeachers, int actualTeachers, Guid district, Guid? network = null,
        int requiredAdministrators = 1, int actualAdministrators = 1)
    {
        var facts = new SchoolFacts(Guid.NewGuid(), Guid.Empty, code, "โรงเรียน" + code, SchoolType.Primary, district, "อำเภอ", network, null);
        var requirement = new StaffingRequirement
        {
            Rule = StaffingRule.PerLevel, Students = 300, Classrooms = 8, Grades = [], Levels = [], UnroundedTeachers = requiredTeachers,
            Teachers = requiredTeachers, Directors = requiredAdministrators, Deputies = 0,
        };
        return new SchoolManpower(facts, requirement, actualTeachers, actualAdministrators, 0);
    }

    /// <summary>Teacher posts of a school: vacant ones first in the list given, then occupied with majors.</summary>
    private static List<PostFact> Posts(SchoolManpower s, int vacant, params SubjectArea[] majors)
    {
        var posts = new List<PostFact>();
        for (var i = 0; i < vacant; i++) posts.Add(new PostFact(s.School.Id, $"{s.School.Code}-V{i}", PostType.Teacher, null, null, null, null));
        for (var i = 0; i < majors.Length; i++)
            posts.Add(new PostFact(s.School.Id, $"{s.School.Code}-{i}", PostType.Teacher, Guid.NewGuid(), $"ครู {s.School.Code}-{i}", majors[i], null));
        posts.Add(new PostFact(s.School.Id, $"{s.School.Code}-A", PostType.Administrator, Guid.NewGuid(), "ผอ.", null, null));
        return posts;
    }

    private static readonly IReadOnlyDictionary<Guid, Dictionary<SubjectArea, int>> NoNeeds = new Dictionary<Guid, Dictionary<SubjectArea, int>>();

    [Fact]
    public void A_giver_gives_only_its_surplus_and_never_ends_below_its_requirement()
    {
        // Giver: 5 teachers required, 8 on the register → 3 to spare. Receiver: 10 required, 4 there → short 6.
        var giver = School("G", 5, 8, DistrictA);
        var receiver = School("R", 10, 4, DistrictA);
        var moves = Rebalancing.Suggest([giver, receiver], Posts(giver, 0, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Science, SubjectArea.Arts, SubjectArea.Arts, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai), NoNeeds);

        Assert.Equal(3, moves.Count);
        Assert.All(moves, m => Assert.Same(giver, m.From));
        Assert.Equal([2, 1, 0], moves.Select(m => m.FromDifferenceAfter));   // +3 → +2 → +1 → 0, never below
        Assert.Equal([-5, -4, -3], moves.Select(m => m.ToDifferenceAfter));  // −6 → −5 → −4 → −3
        Assert.Equal([1, 2, 3], moves.Select(m => m.Number));
        Assert.All(moves, m => Assert.Equal(PostType.Teacher, m.Post.PostType));
    }

    [Fact]
    public void A_surplus_of_administrators_alone_is_not_given_as_teachers()
    {
        // Required 5 teachers + 1 administrator; has 5 teachers + 3 administrators: +2 in total, but no teacher to spare.
        var giver = School("G", 5, 5, DistrictA, requiredAdministrators: 1, actualAdministrators: 3);
        var receiver = School("R", 10, 8, DistrictA);
        Assert.Empty(Rebalancing.Suggest([giver, receiver], Posts(giver, 1, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai), NoNeeds));
    }

    [Fact]
    public void The_same_network_is_preferred_to_the_same_district_and_that_to_elsewhere()
    {
        var receiver = School("R", 10, 9, DistrictA, Network1);      // short 1
        var elsewhere = School("E", 5, 6, DistrictB, Network2);      // +1, other district
        var district = School("D", 5, 6, DistrictA, Network2);       // +1, same district, other network
        var network = School("N", 5, 6, DistrictB, Network1);        // +1, same network (networks may cross districts)
        var posts = new[] { elsewhere, district, network }.SelectMany(s => Posts(s, 1, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai)).ToList();

        var move = Assert.Single(Rebalancing.Suggest([receiver, elsewhere, district, network], posts, NoNeeds));
        Assert.Same(network, move.From);
        Assert.Equal(Proximity.SameNetwork, move.Proximity);

        var second = Assert.Single(Rebalancing.Suggest([receiver, elsewhere, district], posts, NoNeeds));
        Assert.Same(district, second.From);
        Assert.Equal(Proximity.SameDistrict, second.Proximity);
    }

    [Fact]
    public void A_major_the_receiver_asked_for_wins_over_a_vacant_post_and_a_vacant_post_over_another_major()
    {
        var receiver = School("R", 10, 8, DistrictA);                 // short 2
        var giver = School("G", 3, 6, DistrictA);                     // +3: one vacant, a Thai and a Mathematics teacher... 
        var posts = Posts(giver, 1, SubjectArea.Thai, SubjectArea.Mathematics, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai);
        var wanted = new Dictionary<Guid, Dictionary<SubjectArea, int>> { [receiver.School.Id] = new() { [SubjectArea.Mathematics] = 1 } };

        var moves = Rebalancing.Suggest([receiver, giver], posts, wanted);
        Assert.Equal(2, moves.Count);
        Assert.Equal(SubjectArea.Mathematics, moves[0].Post.Major);   // asked for: first
        Assert.True(moves[0].SubjectMatch);
        Assert.Null(moves[1].Post.OccupantId);                        // then the vacant post, before another Thai teacher
        Assert.False(moves[1].SubjectMatch);
        Assert.Contains("วิชาเอกตรง", moves[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schools_shortest_of_teachers_are_served_first_when_there_is_not_enough()
    {
        var small = School("A", 10, 9, DistrictA);                    // short 1
        var large = School("B", 10, 7, DistrictA);                    // short 3
        var giver = School("G", 5, 7, DistrictA);                     // +2 only
        var moves = Rebalancing.Suggest([small, large, giver], Posts(giver, 0, Enumerable.Repeat(SubjectArea.Thai, 7).ToArray()), NoNeeds);
        Assert.Equal(2, moves.Count);
        Assert.All(moves, m => Assert.Same(large, m.To));
    }

    [Fact]
    public void Nothing_is_proposed_when_no_school_is_short_or_none_has_teachers_to_spare()
    {
        var exact = School("X", 5, 5, DistrictA);
        var over = School("O", 5, 7, DistrictA);
        Assert.Empty(Rebalancing.Suggest([exact, over], Posts(over, 2, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai), NoNeeds));
        var shortSchool = School("S", 9, 5, DistrictA);
        Assert.Empty(Rebalancing.Suggest([exact, shortSchool], Posts(exact, 0, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai, SubjectArea.Thai), NoNeeds));
    }
}

/// <summary>Teachers by subject and level add up to the register, with vacant posts and missing majors as their own rows.</summary>
public sealed class SubjectAnalysisTests
{
    [Fact]
    public void Teacher_posts_count_under_the_occupants_major_and_level_and_add_up_to_the_register()
    {
        var primary = Guid.NewGuid();
        var extended = Guid.NewGuid();
        var types = new Dictionary<Guid, SchoolType> { [primary] = SchoolType.Primary, [extended] = SchoolType.ExtendedOpportunity };
        PostFact Post(Guid school, SubjectArea? major, TeachingLevel? level, bool vacant = false, PostType type = PostType.Teacher) =>
            new(school, Guid.NewGuid().ToString("N")[..6], type, vacant ? null : Guid.NewGuid(), vacant ? null : "ครู", vacant ? null : major, vacant ? null : level);
        var posts = new List<PostFact>
        {
            Post(primary, SubjectArea.Thai, null),                                  // primary school, no level → primary
            Post(primary, SubjectArea.EarlyChildhood, null),                        // early childhood major at a primary school → pre-primary
            Post(extended, SubjectArea.Thai, TeachingLevel.LowerSecondary),         // its own level
            Post(extended, SubjectArea.Mathematics, null),                          // extended school, no level → unspecified
            Post(extended, null, TeachingLevel.Primary),                            // no major
            Post(primary, null, null, vacant: true),                                // vacant
            Post(primary, null, null, type: PostType.Administrator),                // administrators are not teachers
        };
        var rows = SubjectAnalysis.ByLevel(posts, types);
        var thai = rows.Single(r => r.Subject == SubjectArea.Thai);
        Assert.Equal(1, thai.ByLevel[TeachingLevel.Primary]);
        Assert.Equal(1, thai.ByLevel[TeachingLevel.LowerSecondary]);
        Assert.Equal(2, thai.Total);
        Assert.Equal(1, rows.Single(r => r.Subject == SubjectArea.EarlyChildhood).ByLevel[TeachingLevel.PrePrimary]);
        Assert.Equal(1, rows.Single(r => r.Subject == SubjectArea.Mathematics).Unspecified);
        Assert.Equal(1, rows.Single(r => r.Label == "ไม่ระบุวิชาเอก").ByLevel[TeachingLevel.Primary]);
        Assert.Equal(1, rows.Single(r => r.Label == "อัตราว่าง").Total);
        Assert.Equal(6, rows.Sum(r => r.Total));                               // the 6 teacher posts, not the administrator's
    }

    [Fact]
    public void A_need_is_set_against_the_teachers_of_that_major_and_only_its_shortfall_counts()
    {
        var school = Guid.NewGuid();
        SubjectNeed Need(SubjectArea s, int n) => new() { SchoolId = school, AcademicYear = 2569, SubjectArea = s, Needed = n };
        var have = new Dictionary<SubjectArea, int> { [SubjectArea.Thai] = 3, [SubjectArea.Arts] = 1 };
        var rows = SubjectAnalysis.NeedRows([Need(SubjectArea.Thai, 2), Need(SubjectArea.Mathematics, 2)], have);
        Assert.Equal([SubjectArea.Thai, SubjectArea.Mathematics, SubjectArea.Arts], rows.Select(r => r.Subject));
        Assert.Equal(0, rows[0].Shortfall);   // needs 2, has 3
        Assert.Equal(2, rows[1].Shortfall);   // needs 2, has none
        Assert.Equal(0, rows[2].Needed);      // has an arts teacher, asked for none
    }
}
