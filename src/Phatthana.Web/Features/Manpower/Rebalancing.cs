using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using P = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Manpower;

/// <summary>How close the giving school is to the receiving one.</summary>
public enum Proximity { SameNetwork, SameDistrict, Elsewhere }

/// <summary>One proposed move (เกลี่ยอัตรากำลัง) of a surplus teacher post to a school short of teachers.</summary>
public sealed record Move(SchoolManpower From, SchoolManpower To, PostFact Post, Proximity Proximity, bool SubjectMatch,
    int FromDifferenceAfter, int ToDifferenceAfter)
{
    /// <summary>ลำดับ in the worksheet.</summary>
    public int Number { get; init; }

    public string Reason
    {
        get
        {
            var near = Proximity switch
            {
                Proximity.SameNetwork => "อยู่ในกลุ่มเครือข่ายเดียวกัน",
                Proximity.SameDistrict => "อยู่ในอำเภอเดียวกัน",
                _ => "ต่างอำเภอ (ไม่มีโรงเรียนเกินเกณฑ์ที่ใกล้กว่า)",
            };
            return SubjectMatch ? $"{near}; วิชาเอกตรงกับที่โรงเรียนปลายทางขอ" : near;
        }
    }
}

/// <summary>
/// Proposes moves of surplus teacher posts to schools short of teachers. Greedy and deterministic: the schools
/// shortest of teachers are served first; for each missing post the best available post is taken — from the same
/// network, else the same district, else anywhere; of a major the receiver asked for; vacant before occupied. A
/// giving school gives only what it has above its requirement, of teachers and in total, so it never falls below.
/// </summary>
public static class Rebalancing
{
    public static readonly TableSpec<Move> Table = new("ข้อเสนอการเกลี่ยอัตรากำลังครู",
        new TableColumn<Move>("ลำดับ", m => m.Number, CellKind.Number, Width: 7),
        new TableColumn<Move>("จากโรงเรียน (เกินเกณฑ์)", m => m.From.School.Name, Link: m => $"/schools/{m.From.School.Code}/manpower", Width: 30, Wrap: true),
        new TableColumn<Move>("เลขที่ตำแหน่ง", m => m.Post.PositionNumber, Width: 12),
        new TableColumn<Move>("ผู้ครองอัตรา (วิชาเอก)", m => m.Post.OccupantName is { } name ? (m.Post.Major is { } major ? $"{name} (เอก{P.Label(major)})" : name) : "อัตราว่าง", Width: 24, Wrap: true, InFile: false),
        new TableColumn<Move>("ผู้ครองอัตรา", m => m.Post.OccupantName ?? "อัตราว่าง", Width: 24, Wrap: true, OnScreen: false),
        new TableColumn<Move>("วิชาเอก", m => m.Post.Major is { } s ? P.Label(s) : "", Width: 18, Wrap: true, OnScreen: false),
        new TableColumn<Move>("ไปโรงเรียน (ขาดเกณฑ์)", m => m.To.School.Name, Link: m => $"/schools/{m.To.School.Code}/manpower", Width: 30, Wrap: true),
        new TableColumn<Move>("เหตุผล", m => m.Reason, Width: 34, Wrap: true),
        new TableColumn<Move>("ต้นทางหลังเกลี่ย", m => m.FromDifferenceAfter, CellKind.Number, Width: 10, OnScreen: false),
        new TableColumn<Move>("ปลายทางหลังเกลี่ย", m => m.ToDifferenceAfter, CellKind.Number, Width: 10, OnScreen: false),
        new TableColumn<Move>("ความเห็น / การดำเนินการ", m => "", Width: 24, OnScreen: false));

    public static List<Move> Suggest(IReadOnlyList<SchoolManpower> schools, IEnumerable<PostFact> posts,
        IReadOnlyDictionary<Guid, Dictionary<SubjectArea, int>> wanted)
    {
        var postsBySchool = posts.Where(p => p.PostType == PostType.Teacher).GroupBy(p => p.SchoolId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.OccupantId is null ? 0 : 1).ThenBy(p => p.PositionNumber.Length).ThenBy(p => p.PositionNumber, StringComparer.Ordinal).ToList());
        var givers = schools
            .Select(s => (School: s, Spare: Math.Min(s.Difference, s.ActualTeachers - s.Requirement.Teachers)))
            .Where(g => g.Spare > 0 && postsBySchool.ContainsKey(g.School.School.Id))
            .Select(g => new Giver(g.School, g.Spare, postsBySchool[g.School.School.Id]))
            .ToList();
        var receivers = schools.Where(s => s.Difference < 0)
            .Select(s => (School: s, Need: Math.Min(-s.Difference, Math.Max(0, s.Requirement.Teachers - s.ActualTeachers))))
            .Where(r => r.Need > 0)
            .OrderByDescending(r => r.Need).ThenBy(r => r.School.School.Code, StringComparer.Ordinal)
            .ToList();

        var moves = new List<Move>();
        var open = givers;
        foreach (var (to, need) in receivers)
        {
            var asked = wanted.TryGetValue(to.School.Id, out var w) ? new Dictionary<SubjectArea, int>(w) : [];
            var received = 0;
            while (received < need)
            {
                // Each giver offers its best post (an asked-for major, else vacant, else its first) in constant time per
                // asked subject, so a step costs the number of givers, not the number of their posts.
                Giver? bestGiver = null;
                var bestIndex = -1;
                var bestScore = -1;
                var ceiling = 8 + (asked.Values.Any(v => v > 0) ? 2 : 1);
                foreach (var g in open)
                {
                    if (g.Spare <= 0) continue;
                    var near = ProximityOf(g.School, to) switch { Proximity.SameNetwork => 8, Proximity.SameDistrict => 4, _ => 0 };
                    if (near + 2 <= bestScore) continue;
                    var (index, match) = g.Best(asked);
                    if (index < 0) continue;
                    var score = near + (match ? 2 : 0) + (g.Posts[index].OccupantId is null ? 1 : 0);
                    if (score > bestScore) (bestScore, bestGiver, bestIndex) = (score, g, index);
                    if (bestScore >= ceiling) break;
                }
                if (bestGiver is null) break;
                var post = bestGiver.Take(bestIndex);
                received++;
                var subjectMatch = post.Major is { } major && asked.GetValueOrDefault(major) > 0;
                if (subjectMatch) asked[post.Major!.Value]--;
                moves.Add(new Move(bestGiver.School, to, post, ProximityOf(bestGiver.School, to), subjectMatch,
                    bestGiver.School.Difference - bestGiver.Given, to.Difference + received) { Number = moves.Count + 1 });
                if (bestGiver.Spare == 0) open = open.Where(g => g.Spare > 0).ToList();
            }
        }
        return moves;
    }

    public static Proximity ProximityOf(SchoolManpower a, SchoolManpower b) =>
        a.School.NetworkId is { } n && n == b.School.NetworkId ? Proximity.SameNetwork
        : a.School.DistrictId == b.School.DistrictId ? Proximity.SameDistrict
        : Proximity.Elsewhere;

    /// <summary>A school with teachers to spare: its teacher posts in order (vacant first), and where each major's are.</summary>
    private sealed class Giver
    {
        private readonly bool[] _taken;
        private readonly Dictionary<SubjectArea, Queue<int>> _byMajor = [];
        private readonly Queue<int> _vacant = new();
        private int _first;

        public Giver(SchoolManpower school, int spare, List<PostFact> posts)
        {
            School = school;
            Spare = Math.Min(spare, posts.Count);
            Posts = posts;
            _taken = new bool[posts.Count];
            for (var i = 0; i < posts.Count; i++)
            {
                if (posts[i].OccupantId is null) _vacant.Enqueue(i);
                else if (posts[i].Major is { } m)
                {
                    if (!_byMajor.TryGetValue(m, out var q)) _byMajor[m] = q = new Queue<int>();
                    q.Enqueue(i);
                }
            }
        }

        public SchoolManpower School { get; }
        public int Spare { get; private set; }
        public int Given { get; private set; }
        public List<PostFact> Posts { get; }

        /// <summary>The post this giver would give: the earliest of a major still asked for, else the first vacant, else the first left.</summary>
        public (int Index, bool Match) Best(Dictionary<SubjectArea, int> asked)
        {
            var best = -1;
            foreach (var (subject, count) in asked)
            {
                if (count <= 0 || !_byMajor.TryGetValue(subject, out var q)) continue;
                while (q.Count > 0 && _taken[q.Peek()]) q.Dequeue();
                if (q.Count > 0 && (best < 0 || q.Peek() < best)) best = q.Peek();
            }
            if (best >= 0) return (best, true);
            while (_vacant.Count > 0 && _taken[_vacant.Peek()]) _vacant.Dequeue();
            if (_vacant.Count > 0) return (_vacant.Peek(), false);
            while (_first < _taken.Length && _taken[_first]) _first++;
            return (_first < _taken.Length ? _first : -1, false);
        }

        public PostFact Take(int index)
        {
            _taken[index] = true;
            Spare--;
            Given++;
            return Posts[index];
        }
    }
}

/// <summary>A proposed move as the API returns it.</summary>
public sealed record MoveDto(int Number, string From, string FromName, string To, string ToName, string PositionNumber, string? Occupant,
    Personnel.SubjectArea? Major, Proximity Proximity, bool SubjectMatch, string Reason, int FromDifferenceAfter, int ToDifferenceAfter)
{
    public static MoveDto Of(Move m) => new(m.Number, m.From.School.Code, m.From.School.Name, m.To.School.Code, m.To.School.Name,
        m.Post.PositionNumber, m.Post.OccupantName, m.Post.Major, m.Proximity, m.SubjectMatch, m.Reason, m.FromDifferenceAfter, m.ToDifferenceAfter);
}

/// <summary>The suggestions for an area and year, with what they leave uncovered.</summary>
public sealed record RebalancingPlan(ManpowerResult Result, IReadOnlyList<Move> Moves)
{
    public int ShortPosts => Result.Summary.ShortagePosts;
    public int Covered => Moves.Count;
    public int ReceivingSchools => Moves.Select(m => m.To.School.Id).Distinct().Count();
    public int GivingSchools => Moves.Select(m => m.From.School.Id).Distinct().Count();

    public static async Task<Shared.Validation.Outcome<RebalancingPlan>> ForAreaAsync(Data.AppDbContext db, Organisation.Area area, string? academicYear, CancellationToken ct = default)
    {
        var outcome = await ManpowerCalculation.ForAreaAsync(db, area, academicYear, ct);
        if (!outcome.Succeeded) return outcome.As<RebalancingPlan>();
        var result = outcome.Value!;
        var posts = await SubjectAnalysis.PostsAsync(db, area.Id, ct: ct);
        var have = SubjectAnalysis.HaveBySchool(posts);
        var needs = await SubjectAnalysis.NeedsAsync(db, area.Id, result.AcademicYear, ct: ct);
        var wanted = needs.GroupBy(n => n.SchoolId).ToDictionary(g => g.Key, g => g
            .Select(n => (n.SubjectArea, Short: n.Needed - (have.GetValueOrDefault(n.SchoolId)?.GetValueOrDefault(n.SubjectArea) ?? 0)))
            .Where(x => x.Short > 0).ToDictionary(x => x.SubjectArea, x => x.Short));
        return Shared.Validation.Outcome<RebalancingPlan>.Ok(new RebalancingPlan(result, Rebalancing.Suggest(result.Schools, posts, wanted)));
    }
}
