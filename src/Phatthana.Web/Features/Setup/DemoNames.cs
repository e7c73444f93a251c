using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// Names and national IDs for the demo's people: common Thai first names by gender and surnames, each full name and
/// each ID used once. IDs are valid (check digit computed): 3 for people born before the 1984 ID scheme, else 1, and
/// mostly registered in Phetchaburi (76).
/// </summary>
internal sealed class DemoNames(Random random)
{
    private static readonly string[] Male =
    [
        "สมชาย", "สมศักดิ์", "ประเสริฐ", "วิชัย", "สุรชัย", "ธนพล", "ณัฐพล", "กิตติพงษ์", "อนุชา", "ชัยวัฒน์",
        "ศักดิ์ชัย", "สมพงษ์", "บุญเลิศ", "สุชาติ", "วีระ", "ธีรวัฒน์", "พงศกร", "ธนากร", "ปิยะพงษ์", "อภิชาติ",
        "จักรพันธ์", "ณรงค์", "สุเมธ", "วัชระ", "เกียรติศักดิ์", "ชาตรี", "สมบัติ", "ไพโรจน์", "อำนาจ", "วรวุฒิ",
        "ภานุวัฒน์", "ศุภชัย", "เอกชัย", "ทวีศักดิ์", "สุริยา", "นพดล", "มานพ", "ธวัชชัย", "ยุทธนา", "สิทธิชัย",
        "อนันต์", "วิทยา", "ปรีชา", "สุทธิพงษ์", "พิทักษ์", "กฤษดา", "ชยพล", "ภูมิพัฒน์", "ธนวัฒน์", "วีระพงษ์",
    ];

    private static readonly string[] Female =
    [
        "สุดารัตน์", "พิมพ์ชนก", "กาญจนา", "วิไลวรรณ", "สุภาพร", "นงลักษณ์", "อรุณี", "จันทร์เพ็ญ", "ศิริพร", "รัตนา",
        "วันเพ็ญ", "ปราณี", "สมใจ", "มาลี", "บุษบา", "ยุพิน", "พรทิพย์", "อัญชลี", "วิภาวรรณ", "จิราภรณ์",
        "ณัฐธิดา", "ปิยนุช", "กมลวรรณ", "ศศิธร", "สุนิสา", "ธิดารัตน์", "เบญจวรรณ", "อรทัย", "นภาพร", "ชุติมา",
        "ดวงใจ", "สุกัญญา", "วรรณา", "ลำดวน", "พัชรี", "ปวีณา", "อารีรัตน์", "กัลยา", "ทิพวรรณ", "รุ่งนภา",
        "ขวัญใจ", "สายสุนีย์", "เพ็ญศรี", "ประภาพร", "จุฑามาศ", "นันทนา", "อรอุมา", "ศุภลักษณ์", "ธัญญารัตน์", "มยุรี",
    ];

    private static readonly string[] Surnames =
    [
        "ใจงาม", "แก้วมณี", "ศรีสุข", "ทองคำ", "วงศ์ไทย", "สุขสวัสดิ์", "แสงทอง", "บุญมา", "ศรีวงศ์", "จันทร์แก้ว",
        "พรหมมา", "ทองดี", "สมบูรณ์", "รุ่งเรือง", "เพชรรัตน์", "ชัยมงคล", "บุญประเสริฐ", "แก้วประเสริฐ", "ศรีสวัสดิ์", "อินทร์แก้ว",
        "มีสุข", "พึ่งทอง", "เกิดผล", "ทองมา", "สุวรรณรัตน์", "ปานทอง", "กลิ่นหอม", "น้อยสุข", "ศรีเพชร", "พุ่มพวง",
        "ทองอยู่", "นาคสุข", "เรืองศรี", "ประเสริฐสุข", "บุญเรือง", "วงษ์สวัสดิ์", "จันทร์หอม", "สังข์ทอง", "อ่อนศรี", "หอมจันทร์",
        "นิลสุวรรณ", "โพธิ์ทอง", "แย้มประเสริฐ", "อยู่เย็น", "ศรีทอง", "ขำดี", "เนียมหอม", "ทับทิมทอง", "บัวแก้ว", "ชูชื่น",
        "สิทธิโชค", "เทียนทอง", "พลอยงาม", "ปัญญาดี", "รักษาศรี", "ศรีอ่อน", "มั่นคง", "ยิ้มแย้ม", "วงศ์สุวรรณ", "นาคประเสริฐ",
        "ทองสุข", "กิจเจริญ", "เจริญผล", "ภู่ระหงษ์", "เอี่ยมสะอาด", "ฉิมพลี", "จุ้ยเจริญ", "บุญยืน", "คงสมบูรณ์", "ศรีจันทร์",
        "อินทรสุข", "หิรัญรัตน์", "พูลสวัสดิ์", "ขุนทอง", "แสงจันทร์", "คงเจริญ", "เพิ่มพูล", "สว่างศรี", "เขียวขำ", "ดอนไพรธรรม",
    ];

    /// <summary>Where people were first registered: mostly this province's districts, some from elsewhere.</summary>
    private static readonly string[] Registries = ["7601", "7602", "7603", "7604", "7605", "7606", "7607", "7608", "1001", "7001", "7101", "7301", "7701", "8601", "3001", "4001"];

    private readonly HashSet<string> _names = [];
    private readonly HashSet<string> _ids = [];

    /// <summary>Keeps a name (a demo account's) from being given to anyone generated.</summary>
    public void Reserve(string first, string last) => _names.Add($"{first} {last}");

    public (string First, string Last) Next(Gender gender)
    {
        var firsts = gender == Gender.Male ? Male : Female;
        while (true)
        {
            var (first, last) = (firsts[random.Next(firsts.Length)], Surnames[random.Next(Surnames.Length)]);
            if (_names.Add($"{first} {last}")) return (first, last);
        }
    }

    public string NationalIdFor(DateOnly birth)
    {
        while (true)
        {
            var registry = Registries[random.Next(10) < 7 ? random.Next(8) : random.Next(Registries.Length)];
            var twelve = $"{(birth.Year < 1984 ? 3 : 1)}{registry}{random.Next(10_000_000):0000000}";
            var id = twelve + NationalId.CheckDigit(twelve);
            if (_ids.Add(id)) return id;
        }
    }

    /// <summary>The same ID with its last digit off by one: what a slip of the finger leaves on an old register.</summary>
    public static string WrongCheckDigit(string id) => id[..12] + (char)('0' + (id[12] - '0' + 1) % 10);
}
