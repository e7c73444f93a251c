using System.Text.RegularExpressions;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Personnel.Posts;

/// <summary>A post as the API, the form and the import send it (API.md names); the occupant by national ID.</summary>
public sealed class PostInput
{
    public string? PositionNumber { get; set; }
    public PostType? PostType { get; set; }
    public string? Occupant { get; set; }
}

/// <summary>Who may be named as an occupant: enough of a person to check the rules.</summary>
public sealed record OccupantRef(Guid Id, string NationalId, string Name, Guid? SchoolId, string? SchoolName, Position Position, PersonStatus Status, int Version = 0);

public sealed record PostValues(string PositionNumber, PostType PostType, OccupantRef? Occupant);

/// <summary>
/// The rules of a post on the register (จ.18), pure: the position number, the type, and who may occupy it — an active
/// civil servant of that school whose position fits the type, holding no other post.
/// </summary>
public static partial class PostRules
{
    public const int PositionNumberMaxLength = DataSchema.CodeLength;

    /// <param name="findPerson">The area's person with a national ID, or null.</param>
    /// <param name="otherPostOf">The position number of another post the person already holds, or null.</param>
    public static (PostValues? Values, List<FieldError> Errors) Read(PostInput input, SchoolRef school,
        Func<string, OccupantRef?> findPerson, Func<Guid, string?> otherPostOf)
    {
        var checks = new Checks();
        var number = Checks.Clean(input.PositionNumber);
        if (number is null) checks.Add("positionNumber", $"กรุณากรอก{T.PositionNumber}");
        else if (number.Length > PositionNumberMaxLength || !NumberPattern().IsMatch(number))
            checks.Add("positionNumber", $"{T.PositionNumber} \"{number}\" ต้องเป็นตัวเลขหรือตัวอักษร (ใช้ . / - ได้) ไม่เกิน {PositionNumberMaxLength} ตัว ไม่มีช่องว่าง");
        checks.Required(input.PostType, "postType", T.PostTypeLabel);

        OccupantRef? occupant = null;
        if (!string.IsNullOrWhiteSpace(input.Occupant))
        {
            if (NationalId.Problem(input.Occupant) is { } problem) checks.Add("occupant", problem);
            else if ((occupant = findPerson(NationalId.Normalise(input.Occupant))) is null)
                checks.Add("occupant", $"ไม่พบบุคลากรเลขประจำตัวประชาชน {NationalId.Format(NationalId.Normalise(input.Occupant))} ในทะเบียนของเขตพื้นที่ — เพิ่มบุคลากรก่อน");
            else if (occupant.Status != PersonStatus.Active)
                checks.Add("occupant", $"{occupant.Name} มีสถานะ{T.Label(occupant.Status)} ครองอัตราไม่ได้");
            else if (occupant.SchoolId != school.Id)
                checks.Add("occupant", $"{occupant.Name} สังกัด{occupant.SchoolName ?? "สำนักงานเขตพื้นที่"} ไม่ใช่{school.Name} — ย้ายสังกัดในทะเบียนบุคลากรก่อน");
            else if (PersonRules.PostTypeFor(occupant.Position) is var fits && (fits is null || (input.PostType is { } type && fits != type)))
                checks.Add("occupant", fits is null
                    ? $"ตำแหน่ง{T.Label(occupant.Position)}ไม่ครองอัตราใน จ.18"
                    : $"{occupant.Name} ตำแหน่ง{T.Label(occupant.Position)} ครองอัตรา{T.Label(input.PostType!.Value)}ไม่ได้");
            else if (otherPostOf(occupant.Id) is { } other)
                checks.Add("occupant", $"{occupant.Name} ครองอัตราเลขที่ {other} อยู่แล้ว — ให้อัตราเดิมว่างก่อน");
        }
        return checks.IsValid ? (new PostValues(number!, input.PostType!.Value, occupant), []) : (null, [.. checks.Errors]);
    }

    /// <summary>
    /// Saves the occupant's record along with the post, under the version the rules were checked against. Two posts given
    /// the same person at once, or a post given to someone being retired at that moment: one of the saves is refused as a
    /// lost update (409), instead of both going through.
    /// </summary>
    public static void Claim(AppDbContext db, Person occupant, int checkedVersion)
    {
        var version = db.Entry(occupant).Property(p => p.Version);
        version.OriginalValue = checkedVersion;
        version.IsModified = true;
    }

    [GeneratedRegex(@"^[0-9A-Za-z\u0E01-\u0E59./-]+$")]
    private static partial Regex NumberPattern();
}
