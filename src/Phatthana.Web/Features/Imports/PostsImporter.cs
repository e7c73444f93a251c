using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.Posts;
using Phatthana.Web.Shared.Reporting;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Imports;

/// <summary>
/// The register of posts (จ.18) from a file. The position number is the key within the area: a post already on file
/// is updated (and moved, if the file names another school), a new one added. Occupants are checked against the
/// register as it will be once the whole file is in, so moving someone from one post to another in one file works.
/// </summary>
public sealed class PostsImporter : Importer
{
    public override ImportKind Kind => ImportKind.Posts;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("school", "รหัสสถานศึกษา", true, "รหัส 10 หลัก, SMIS 8 หลัก หรือ OBEC 6 หลัก (จัดรูปแบบเป็นข้อความ)", AsText: true, "school_id", "รหัสโรงเรียน"),
        new("positionNumber", T.PositionNumber, true, "เลขที่ตำแหน่งตาม จ.18 ไม่ซ้ำในเขตพื้นที่", AsText: true, "ตำแหน่งเลขที่"),
        new("postType", T.PostTypeLabel, true, "ผู้บริหาร หรือ ผู้สอน"),
        new("occupant", "เลขประจำตัวประชาชนผู้ครอง", false, "เว้นว่างถ้าเป็นอัตราว่าง (13 หลัก จัดรูปแบบเป็นข้อความ)", AsText: true, "ผู้ครองอัตรา", "เลขประจำตัวประชาชน"),
    ];

    /// <param name="Reported">Fields the first pass already found wrong, so the rules do not report them again.</param>
    private sealed record Parsed(SheetRow Row, SchoolRef School, PostInput Input, string? Number, string? OccupantId, HashSet<string> Reported);

    public override async Task<ImportResult> RunAsync(ImportContext context, SheetStream sheet, CancellationToken ct)
    {
        if (!HasRequiredColumns(context, sheet)) return Failed(context);
        var db = context.Db;
        var area = context.Area.Id;
        var schools = await SchoolFinder.ForAreaAsync(db, area, ct);
        var people = (await db.People.AsNoTracking().Where(p => p.AreaId == area)
                .Select(p => new OccupantRef(p.Id, p.NationalId, p.Title + p.FirstName + " " + p.LastName, p.SchoolId,
                    p.School != null ? p.School.Name : null, p.Position, p.Status, p.Version)).ToListAsync(ct))
            .ToDictionary(p => p.NationalId);
        var existing = await db.Posts.AsNoTracking().Where(p => p.AreaId == area)
            .Select(p => new { p.Id, p.PositionNumber, p.OccupantId, p.SchoolId }).ToListAsync(ct);
        // A number two schools' registers already share (a legacy conflict the data-quality page shows) cannot be the key of
        // a row until one of them is fixed.
        var schoolNames = schools.All.ToDictionary(s => s.Id, s => s.Name);
        var shared = existing.GroupBy(p => p.PositionNumber).Where(g => g.Select(p => p.SchoolId).Distinct().Count() > 1)
            .ToDictionary(g => g.Key, g => string.Join(" และ ", g.Select(p => schoolNames.GetValueOrDefault(p.SchoolId, "สถานศึกษาอื่น")).Distinct()));

        // First pass: read each row's school and keys, and report what is wrong with them.
        var parsed = new List<Parsed>();
        var seenNumber = new Dictionary<string, int>();
        var seenOccupant = new Dictionary<string, int>();
        foreach (var row in Rows(context, sheet))
        {
            var firstOfRow = context.Errors.Count;
            TryEnum<PostType>(context, row, "postType", T.PostTypeLabel, T.Label, T.Synonyms, out var type);
            var school = schools.Find(row["school"], out var note);
            if (school is null)
            {
                context.Error(row.Row, "school", string.IsNullOrWhiteSpace(row["school"]) ? "กรุณากรอกรหัสสถานศึกษา" : SchoolFinder.Unknown(row["school"]));
                continue;
            }
            if (note is not null) context.Note(row.Row, "school", note);
            var number = Shared.Validation.Checks.Clean(row["positionNumber"]);
            if (number is not null && shared.TryGetValue(number, out var both))
                context.Error(row.Row, "positionNumber", $"{T.PositionNumber} {number} อยู่ในบัญชีของ{both}อยู่แล้ว — แก้ในหน้าอัตราให้เหลือสถานศึกษาเดียวก่อน");
            else if (number is not null && seenNumber.TryGetValue(number, out var firstNumber))
                context.Error(row.Row, "positionNumber", $"{T.PositionNumber} {number} ซ้ำกับแถว {firstNumber} ในไฟล์นี้");
            else if (number is not null) seenNumber[number] = row.Row;
            var occupant = string.IsNullOrWhiteSpace(row["occupant"]) ? null : NationalId.Normalise(row["occupant"]);
            if (occupant is not null && seenOccupant.TryGetValue(occupant, out var firstOccupant))
                context.Error(row.Row, "occupant", $"ผู้ครองอัตรา {NationalId.Format(occupant)} ซ้ำกับแถว {firstOccupant} ในไฟล์นี้ (หนึ่งคนครองได้หนึ่งอัตรา)");
            else if (occupant is not null) seenOccupant[occupant] = row.Row;
            parsed.Add(new Parsed(row, school, new PostInput { PositionNumber = row["positionNumber"], PostType = type, Occupant = row["occupant"] }, number, occupant,
                context.Errors.Skip(firstOfRow).Select(e => e.Field).ToHashSet()));
        }

        // The register once the file is in: the file's posts as it gives them, the others as they are.
        var heldAfter = existing.Where(p => p.OccupantId is not null && !seenNumber.ContainsKey(p.PositionNumber))
            .GroupBy(p => p.OccupantId!.Value).ToDictionary(g => g.Key, g => g.First().PositionNumber);
        var pending = new List<(int Row, SchoolRef School, PostValues Values)>();
        foreach (var p in parsed)
        {
            var firstError = context.Errors.Count;
            var (values, errors) = PostRules.Read(p.Input, p.School, id => people.GetValueOrDefault(id), person => heldAfter.GetValueOrDefault(person));
            context.AddRowErrors(p.Row.Row, firstError, errors.Where(e => !p.Reported.Contains(e.Field)));
            if (values is not null) pending.Add((p.Row.Row, p.School, values));
        }
        if (context.Errors.Count > 0) return Failed(context);

        var byNumber = existing.GroupBy(p => p.PositionNumber).ToDictionary(g => g.Key, g => g.First().Id);
        var (created, updated) = (0, 0);
        var saved = await context.WriteAsync(pending.Count, async writer =>
        {
            foreach (var chunk in pending.Chunk(ImportContext.ChunkSize))
            {
                var ids = chunk.Select(p => byNumber.GetValueOrDefault(p.Values.PositionNumber)).Where(id => id != Guid.Empty).ToList();
                var tracked = await db.Posts.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.PositionNumber, ct);
                // Each occupant's record is touched with the version the rules were checked against: had anyone changed them
                // since (retired them, given them another post), the save is refused as a whole.
                var occupantIds = chunk.Where(p => p.Values.Occupant is not null).Select(p => p.Values.Occupant!.Id).ToList();
                foreach (var person in await db.People.Where(p => occupantIds.Contains(p.Id)).ToListAsync(ct))
                    PostRules.Claim(db, person, people[person.NationalId].Version);
                foreach (var (_, school, v) in chunk)
                {
                    if (tracked.TryGetValue(v.PositionNumber, out var post)) updated++;
                    else
                    {
                        post = new Post { AreaId = area, SchoolId = school.Id, PositionNumber = v.PositionNumber };
                        db.Posts.Add(post);
                        created++;
                    }
                    post.SchoolId = school.Id;
                    post.PostType = v.PostType;
                    post.OccupantId = v.Occupant?.Id;
                    await writer.RowDoneAsync(ct);
                }
            }
        }, ct);
        return saved ? new ImportResult(context.Rows, created, updated, [], context.Notes) : Failed(context);
    }
}
