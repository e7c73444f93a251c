using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Recognition;

/// <summary>Thai labels and messages of awards, in one place for a Thai reader to review.</summary>
public static class RecognitionText
{
    public const string Awards = "รางวัลและการยกย่องเชิดชูเกียรติ";
    public const string Counts = "จำนวนผู้ได้รับการคัดเลือก รายโครงการและปี";
    public const string DuplicateProgramme = "มีโครงการรางวัลชื่อนี้แล้วในเขตพื้นที่";
    public const string DuplicateSelection = "โครงการนี้มีการคัดเลือกชื่อนี้แล้ว";
    public const string DuplicateNomination = "บุคคลนี้ได้รับการเสนอชื่อในการคัดเลือกครั้งนี้แล้ว";
    public const string ScoredTwice = "ท่านให้คะแนนผู้ได้รับการเสนอชื่อรายนี้แล้ว ให้คะแนนซ้ำไม่ได้";
    public const string Conflict = "ท่านเป็นบุคลากรของโรงเรียนเดียวกับผู้ได้รับการเสนอชื่อ จึงให้คะแนนรายนี้ไม่ได้ (ส่วนได้เสีย)";
    public const string NotCommittee = "ท่านไม่ได้เป็นกรรมการพิจารณาคัดเลือกของโครงการนี้";
    public const string Announced = "การคัดเลือกนี้ประกาศผลแล้ว แก้ไขไม่ได้";

    public static string Label(AwardLevel level) => level switch
    {
        AwardLevel.School => "ระดับสถานศึกษา",
        AwardLevel.Area => "ระดับเขตพื้นที่การศึกษา",
        _ => "ระดับชาติ",
    };

    public static string Label(AwardPeriod period) => period == AwardPeriod.Monthly ? "ประจำเดือน" : "ประจำปี";

    public static string Label(SelectionStage stage) => stage switch
    {
        SelectionStage.NotOpen => "ยังไม่เปิดรับการเสนอชื่อ",
        SelectionStage.Nominating => "เปิดรับการเสนอชื่อ",
        SelectionStage.Scoring => "กรรมการพิจารณาให้คะแนน",
        _ => "ประกาศผลแล้ว",
    };

    public static string Label(Position position) => PersonnelText.Label(position);
}
