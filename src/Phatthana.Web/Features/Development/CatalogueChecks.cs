using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Development;

/// <summary>The catalogue's enums as people send them: the code name or the Thai label the pages show ("ครู", "สมรรถนะหลัก").</summary>
public static class CatalogueChecks
{
    public static PositionGroup? Group(string? text, Checks checks, string field = "group") =>
        Read<PositionGroup>(text, DevelopmentText.Label, checks, field, DevelopmentText.Group);

    public static CompetencyKind? Kind(string? text, Checks checks) =>
        Read<CompetencyKind>(text, DevelopmentText.Label, checks, "kind", DevelopmentText.Kind);

    /// <summary>Optional: blank is no subject area.</summary>
    public static SubjectArea? Subject(string? text, Checks checks)
    {
        if (Checks.Clean(text) is null) return null;
        if (EnumText.TryParse(text, PersonnelText.Label, out SubjectArea subject, PersonnelText.Synonyms)) return subject;
        checks.Add("subjectArea", $"ไม่รู้จักกลุ่มสาระ \"{Checks.Clean(text)}\" — {EnumText.Allowed<SubjectArea>(PersonnelText.Label)}");
        return null;
    }

    private static TEnum? Read<TEnum>(string? text, Func<TEnum, string> label, Checks checks, string field, string name) where TEnum : struct, Enum
    {
        if (Checks.Clean(text) is null) { checks.Add(field, $"กรุณาเลือก{name}"); return null; }
        if (EnumText.TryParse(text, label, out TEnum value)) return value;
        checks.Add(field, $"ไม่รู้จัก{name} \"{Checks.Clean(text)}\" — {EnumText.Allowed(label)}");
        return null;
    }
}
