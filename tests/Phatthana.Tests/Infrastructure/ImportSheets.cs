namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// Header rows and data rows of each import kind as an office would type them (Thai headers and words, dates in พ.ศ.),
/// to be written with <see cref="ImportFiles"/>.
/// </summary>
public static class ImportSheets
{
    public static readonly object?[] SchoolsHeader =
        ["รหัสสถานศึกษา (10 หลัก)", "ชื่อสถานศึกษา", "ประเภทสถานศึกษา", "อำเภอ", "กลุ่มเครือข่าย", "รหัส SMIS (8 หลัก)", "รหัส OBEC (6 หลัก)"];

    public static readonly object?[] SchoolsJsonHeader = ["code", "name", "type", "district", "network", "smisCode", "obecCode"];

    public static object?[] School(string code, string name, string type = "ประถมศึกษา", string district = "เมืองเพชรบุรี", string? network = null,
        string? smis = null, string? obec = null) => [code, name, type, district, network, smis, obec];

    public static readonly object?[] PeopleHeader =
    [
        "เลขประจำตัวประชาชน", "คำนำหน้าชื่อ", "ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "ตำแหน่ง", "วิทยฐานะ", "วิชาเอก", "กลุ่มสาระที่สอน",
        "รหัสสถานศึกษา", "วันที่เริ่มปฏิบัติงาน", "สถานะ",
    ];

    public static readonly object?[] PeopleJsonHeader =
    [
        "nationalId", "title", "firstName", "lastName", "gender", "birthDate", "position", "academicStanding", "major", "teachingSubjectAreas",
        "school", "startDate", "status",
    ];

    /// <summary>A teacher at <paramref name="school"/>, born 15 June 2528 (1985), started 16 May 2553 (2010).</summary>
    public static object?[] Person(string nationalId, string? school, string firstName = "สมศรี", string lastName = "ใจดี",
        string position = "ครู", string title = "นาง", string birthDate = "15/06/2528", string standing = "ชำนาญการ",
        string subjects = "ภาษาไทย; สังคมศึกษา", string? status = null) =>
        [nationalId, title, firstName, lastName, null, birthDate, position, standing, "ภาษาไทย", subjects, school, "16/05/2553", status];

    public static readonly object?[] PostsHeader = ["รหัสสถานศึกษา", "เลขที่ตำแหน่ง", "ประเภทอัตรา", "เลขประจำตัวประชาชนผู้ครอง"];

    public static object?[] Post(string school, string number, string type = "ผู้สอน", string? occupant = null) => [school, number, type, occupant];

    public static readonly object?[] CountsHeader = ["school_id", "ชั้น/เพศ", "ชาย", "หญิง", "รวม", "ห้องเรียน"];

    /// <summary>A grade row of our template (with the school) or of the EMIS table (school null: no school column).</summary>
    public static object?[] Count(string? school, string grade, int boys, int girls, int rooms, int? total = null) =>
        school is null ? [grade, boys, girls, total ?? boys + girls, rooms] : [school, grade, boys, girls, total ?? boys + girls, rooms];

    public static readonly object?[] EmisHeader = ["ชั้น/เพศ", "ชาย", "หญิง", "รวม", "ห้องเรียน"];

    public static readonly object?[] DmcHeader = ["รหัสโรงเรียน", "ชื่อโรงเรียน", "เลขประจำตัวประชาชน", "ชั้น", "ห้อง", "รหัสนักเรียน", "เพศ"];

    public static object?[][] With(object?[] header, params object?[][] rows) => [header, .. rows];
}
