using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Bench.Personnel;

/// <summary>
/// An area to measure in: its office divisions, five districts and ~100 schools with deterministic codes, so the
/// file generator (in the parent) and the area set-up (in a child) agree on school codes without talking.
/// </summary>
public sealed record BenchArea(string Code, string Name, int Schools, int CodeBlock)
{
    /// <summary>The measured area: 100 schools, as a large ESAO.</summary>
    public static readonly BenchArea Main = new("BEN1", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1", 100, 1);

    /// <summary>A small second area for the warm-up import (JIT, EF model, first queries), so the timed import starts empty.</summary>
    public static readonly BenchArea WarmUp = new("WRM1", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 2", 5, 9);

    public static readonly string[] Divisions =
    [
        "กลุ่มอำนวยการ", "กลุ่มนโยบายและแผน", "กลุ่มบริหารงานบุคคล", "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา",
        "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "กลุ่มส่งเสริมการจัดการศึกษา", "กลุ่มบริหารงานการเงินและสินทรัพย์",
        "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร", "กลุ่มกฎหมายและคดี", "หน่วยตรวจสอบภายใน",
    ];

    private static readonly string[] Districts = ["เมืองเพชรบุรี", "บ้านลาด", "บ้านแหลม", "เขาย้อย", "หนองหญ้าปล้อง"];

    private static readonly string[] Places =
    [
        "ปากคลอง", "ไทรย้อย", "พระทรง", "คงคาราม", "กุฎีดาว", "ชีประเสริฐ", "โพธิ์การ้อง", "ดอนไก่เตี้ย", "สมอพลือ", "ท่าไชย",
        "บางจาน", "หนองโสน", "ถ้ำรงค์", "ท่าแร้ง", "บางขุนไทร", "ปากทะเล", "แหลมผักเบี้ย", "กุ่ม", "ห้วยโรง", "หนองศาลา",
        "ไร่ส้ม", "ต้นมะม่วง", "นาพันสาม", "สำมะโรง", "ดอนยาง", "หัวสะพาน", "บ่อพลับ", "คลองกระแชง", "ตำหรุ", "โพพระ",
        "ช่องสะแก", "หนองพลับ", "ทับคาง", "สระพัง", "ยางหย่อง", "หนองชุมพล", "ห้วยท่าช้าง", "เขาน้อย", "หนองปลาไหล", "ท่าตะคร้อ",
        "บางเค็ม", "หนองกระเจ็ด", "ท่าเสน", "ลาดโพธิ์", "ไร่โคก", "สะพานไกร", "ถ้ำเสือ", "ดอนทราย", "หนองจอก", "หม้อ",
    ];

    /// <summary>The 10-digit code of school <paramref name="i"/> (0-based): 1076 + block + 5 digits.</summary>
    public string SchoolCode(int i) => $"1076{CodeBlock}{i + 1:00000}";

    public IReadOnlyList<string> SchoolCodes => [.. Enumerable.Range(0, Schools).Select(SchoolCode)];

    public string SchoolName(int i) => (i % 2 == 0 ? "โรงเรียนวัด" : "โรงเรียนบ้าน") + Places[i / 2 % Places.Length] + (i >= 2 * Places.Length ? $" {i / (2 * Places.Length) + 1}" : "");

    /// <summary>Adds the area, its divisions, districts and schools (through EF, audited like any other write).</summary>
    public async Task<Area> CreateAsync(AppDbContext db)
    {
        var area = new Area { Code = Code, Name = Name, Kind = AreaKind.Primary, Province = "เพชรบุรี" };
        db.Areas.Add(area);
        db.Divisions.AddRange(Divisions.Select(n => new Division { AreaId = area.Id, Name = n }));
        var districts = Districts.Select(n => new District { AreaId = area.Id, Name = n }).ToList();
        db.Districts.AddRange(districts);
        for (var i = 0; i < Schools; i++)
            db.Schools.Add(new School
            {
                AreaId = area.Id, Code = SchoolCode(i), SmisCode = $"76{CodeBlock}{i + 1:00000}", ObecCode = $"7{CodeBlock}{i + 1:0000}",
                Name = SchoolName(i), Type = i % 5 == 0 ? SchoolType.ExtendedOpportunity : SchoolType.Primary,
                DistrictId = districts[i % districts.Count].Id,
            });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return await db.Areas.AsNoTracking().SingleAsync(a => a.Code == Code);
    }
}
