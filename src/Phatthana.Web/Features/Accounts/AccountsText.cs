namespace Phatthana.Web.Features.Accounts;

/// <summary>The Accounts feature's Thai wording.</summary>
public static class AccountsText
{
    public const string Users = "ผู้ใช้งาน";
    public const string Email = "อีเมล";
    public const string Password = "รหัสผ่าน";
    public const string DisplayName = "ชื่อที่แสดง";
    public const string RoleLabel = "บทบาท";
    public const string AreasLabel = "เขตพื้นที่ที่ได้รับสิทธิ์";
    public const string SchoolLabel = "สถานศึกษา (รหัส 10 หลัก)";
    public const string Active = "ใช้งานอยู่";
    public const string NationalIdLabel = "เลขประจำตัวประชาชนของผู้ใช้";
    public const string SignInFailed = "อีเมลหรือรหัสผ่านไม่ถูกต้อง หรือบัญชีถูกระงับชั่วคราว";
    public const string DuplicateEmail = "อีเมลนี้มีผู้ใช้แล้ว";

    public static string Label(Role role) => role switch
    {
        Role.SystemAdmin => "ผู้ดูแลระบบ",
        Role.AreaAdmin => "เจ้าหน้าที่ สพท.",
        Role.Supervisor => "ศึกษานิเทศก์",
        Role.SchoolAdmin => "ผู้บริหาร/ธุรการโรงเรียน",
        Role.Teacher => "ครู/บุคลากร",
        Role.Assessor => "ผู้ประเมิน",
        _ => role.ToString(),
    };
}
