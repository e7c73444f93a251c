namespace Phatthana.Web.Features.Onet;

public static class OnetText
{
    public const string Title = "ผลการทดสอบทางการศึกษาระดับชาติขั้นพื้นฐาน (O-NET)";
    public const string National = "ระดับประเทศ";
    public const string AreaRow = "ระดับเขตพื้นที่";
    public const string Mean = "เฉลี่ย";
    public const string Students = "จน.นร.";

    public static string Label(OnetSubject subject) => subject switch
    {
        OnetSubject.Thai => "ไทย",
        OnetSubject.Social => "สังคม",
        OnetSubject.English => "อังกฤษ",
        OnetSubject.Mathematics => "คณิตศาสตร์",
        OnetSubject.Science => "วิทยาศาสตร์",
        _ => subject.ToString(),
    };

    public static string Label(OnetLevel level) => level switch
    {
        OnetLevel.P6 => "ป.6",
        OnetLevel.M3 => "ม.3",
        OnetLevel.M6 => "ม.6",
        _ => level.ToString(),
    };

    /// <summary>ป.6 / ประถมศึกษาปีที่ 6 / P6, and the same for ม.3 and ม.6; blank is null.</summary>
    public static bool TryLevel(string? text, out OnetLevel? level)
    {
        level = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (Imports.GradeText.TryParse(text, out var grade))
            level = grade switch { Organisation.Grade.P6 => OnetLevel.P6, Organisation.Grade.M3 => OnetLevel.M3, Organisation.Grade.M6 => OnetLevel.M6, _ => null };
        return level is not null;
    }
}
