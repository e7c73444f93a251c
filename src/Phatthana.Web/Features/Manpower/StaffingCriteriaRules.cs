using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Manpower;

/// <summary>
/// What makes a rule set consistent: bands that start where they must, follow each other without gap or overlap,
/// and never count backwards; every level with a positive class size and ratio. An inconsistent set cannot be saved.
/// Field names follow the API's JSON ("criteria.smallSchoolBands[2].max").
/// </summary>
public static class StaffingCriteriaRules
{
    public const int MaxBands = 50;

    /// <summary>Upper limits far above any circular's figures, so a typo (0.000000001 students per teacher) is refused
    /// instead of overflowing every analysis the set covers.</summary>
    public const int MaxStudents = 100_000, MaxTeachersPerBand = 1_000, MaxAdministrators = 20, MaxClassSize = 100, MaxMinimumRooms = 10;
    public const decimal MinStudentsPerTeacher = 1, MaxStudentsPerTeacher = 200, MaxTeachersPerRoom = 10;

    public static List<FieldError> Validate(StaffingCriteria? c)
    {
        var errors = new List<FieldError>();
        if (c is null)
        {
            errors.Add(new("criteria", "ต้องระบุเกณฑ์"));
            return errors;
        }
        const string p = "criteria.";

        // Small-school bands: 1 upwards, contiguous, counts that never fall.
        var bands = c.SmallSchoolBands ?? [];
        if (bands.Count > MaxBands) errors.Add(new(p + "smallSchoolBands", $"ช่วงนักเรียนมีได้ไม่เกิน {MaxBands} ช่วง"));
        for (var i = 0; i < bands.Count && i < MaxBands; i++)
        {
            var b = bands[i];
            var f = $"{p}smallSchoolBands[{i}]";
            if (b is null) { errors.Add(new(f, "ช่วงนักเรียนว่าง")); continue; }
            if (i == 0 && b.Min != 1) errors.Add(new(f + ".min", "ช่วงแรกของโรงเรียนขนาดเล็กต้องเริ่มที่นักเรียน 1 คน"));
            if (b.Max < b.Min) errors.Add(new(f + ".max", $"ช่วงที่ {i + 1}: จำนวนสูงสุด ({b.Max}) ต้องไม่น้อยกว่าจำนวนต่ำสุด ({b.Min})"));
            if (b.Teachers < 0) errors.Add(new(f + ".teachers", $"ช่วงที่ {i + 1}: จำนวนครูต้องไม่ติดลบ"));
            else if (b.Teachers > MaxTeachersPerBand) errors.Add(new(f + ".teachers", $"ช่วงที่ {i + 1}: จำนวนครูต้องไม่เกิน {MaxTeachersPerBand:#,0} คน"));
            if (b.Max > MaxStudents) errors.Add(new(f + ".max", $"ช่วงที่ {i + 1}: จำนวนนักเรียนต้องไม่เกิน {MaxStudents:#,0} คน"));
            if (i > 0 && bands[i - 1] is { } prev)
            {
                if (b.Min <= prev.Max) errors.Add(new(f + ".min", $"ช่วงที่ {i + 1} ซ้อนทับช่วงก่อนหน้า (เริ่ม {b.Min} แต่ช่วงก่อนถึง {prev.Max})"));
                else if (b.Min > prev.Max + 1) errors.Add(new(f + ".min", $"ขาดช่วงนักเรียน {prev.Max + 1}–{b.Min - 1} คน ระหว่างช่วงที่ {i} และ {i + 1}"));
                if (b.Teachers < prev.Teachers) errors.Add(new(f + ".teachers", $"ช่วงที่ {i + 1}: จำนวนครูต้องไม่น้อยกว่าช่วงก่อนหน้า"));
            }
        }
        if (c.SmallSchoolAdministrators is < 0 or > MaxAdministrators) errors.Add(new(p + "smallSchoolAdministrators", $"จำนวนผู้บริหารต้องอยู่ระหว่าง 0 ถึง {MaxAdministrators} คน"));

        // Levels: each once, all three there, positive sizes and ratios.
        var levels = c.Levels ?? [];
        for (var i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            var f = $"{p}levels[{i}]";
            if (l is null) { errors.Add(new(f, "ระดับว่าง")); continue; }
            var name = ManpowerText.Label(l.Level);
            if (!Enum.IsDefined(l.Level)) errors.Add(new(f + ".level", "ไม่รู้จักระดับนี้"));
            else if (levels.Take(i).Any(o => o?.Level == l.Level)) errors.Add(new(f + ".level", $"ระดับ{name}ซ้ำ"));
            if (l.ClassSize <= 0) errors.Add(new(f + ".classSize", $"{name}: ขนาดห้องเรียนมาตรฐานต้องมากกว่า 0"));
            else if (l.ClassSize > MaxClassSize) errors.Add(new(f + ".classSize", $"{name}: ขนาดห้องเรียนมาตรฐานต้องไม่เกิน {MaxClassSize} คน"));
            if (!Enum.IsDefined(l.Method)) errors.Add(new(f + ".method", $"{name}: ไม่รู้จักวิธีคิดนี้"));
            // The ratio the method uses must be above 0; the other may be 0 (unused) but not negative. One error a field, on that field.
            if (l.Method == LevelMethod.Ratio && l.StudentsPerTeacher <= 0)
                errors.Add(new(f + ".studentsPerTeacher", $"{name}: นักเรียนต่อครูต้องมากกว่า 0"));
            else if (l.StudentsPerTeacher < 0) errors.Add(new(f + ".studentsPerTeacher", $"{name}: นักเรียนต่อครูต้องไม่ติดลบ"));
            else if (l.Method == LevelMethod.Ratio && l.StudentsPerTeacher is < MinStudentsPerTeacher or > MaxStudentsPerTeacher)
                errors.Add(new(f + ".studentsPerTeacher", $"{name}: นักเรียนต่อครูต้องอยู่ระหว่าง {MinStudentsPerTeacher} ถึง {MaxStudentsPerTeacher} คน"));
            if (l.Method == LevelMethod.PerRoom && l.TeachersPerRoom <= 0)
                errors.Add(new(f + ".teachersPerRoom", $"{name}: ครูต่อห้องต้องมากกว่า 0"));
            else if (l.TeachersPerRoom < 0) errors.Add(new(f + ".teachersPerRoom", $"{name}: ครูต่อห้องต้องไม่ติดลบ"));
            else if (l.TeachersPerRoom > MaxTeachersPerRoom) errors.Add(new(f + ".teachersPerRoom", $"{name}: ครูต่อห้องต้องไม่เกิน {MaxTeachersPerRoom} คน"));
        }
        foreach (var missing in Enum.GetValues<StaffingLevel>().Where(level => levels.All(l => l?.Level != level)))
            errors.Add(new(p + "levels", $"ยังไม่มีเกณฑ์ของระดับ{ManpowerText.Label(missing)}"));

        var smallestClass = levels.Where(l => l is { ClassSize: > 0 }).Select(l => l!.ClassSize).DefaultIfEmpty(1).Min();
        if (c.RemainderForExtraRoom < 1 || c.RemainderForExtraRoom >= Math.Max(smallestClass, 2))
            errors.Add(new(p + "remainderForExtraRoom", $"เศษที่เพิ่มห้องเรียนต้องอยู่ระหว่าง 1 ถึง {Math.Max(smallestClass - 1, 1)} คน (น้อยกว่าขนาดห้องเรียนที่เล็กที่สุด)"));
        if (c.MinimumRoomsPerGrade is < 0 or > MaxMinimumRooms) errors.Add(new(p + "minimumRoomsPerGrade", $"จำนวนห้องขั้นต่ำต้องอยู่ระหว่าง 0 ถึง {MaxMinimumRooms} ห้อง"));
        if (c.Directors is < 0 or > MaxAdministrators) errors.Add(new(p + "directors", $"จำนวนผู้อำนวยการต้องอยู่ระหว่าง 0 ถึง {MaxAdministrators} คน"));

        // Deputy bands: 0 upwards, contiguous, the last one open-ended.
        var deputies = c.DeputyBands ?? [];
        if (deputies.Count == 0) errors.Add(new(p + "deputyBands", "ต้องมีช่วงนักเรียนสำหรับรองผู้อำนวยการอย่างน้อย 1 ช่วง"));
        if (deputies.Count > MaxBands) errors.Add(new(p + "deputyBands", $"ช่วงนักเรียนมีได้ไม่เกิน {MaxBands} ช่วง"));
        for (var i = 0; i < deputies.Count && i < MaxBands; i++)
        {
            var b = deputies[i];
            var f = $"{p}deputyBands[{i}]";
            if (b is null) { errors.Add(new(f, "ช่วงนักเรียนว่าง")); continue; }
            if (i == 0 && b.Min != 0) errors.Add(new(f + ".min", "ช่วงแรกของรองผู้อำนวยการต้องเริ่มที่นักเรียน 0 คน"));
            if (b.Max is { } max && max < b.Min) errors.Add(new(f + ".max", $"ช่วงที่ {i + 1}: จำนวนสูงสุด ({max}) ต้องไม่น้อยกว่าจำนวนต่ำสุด ({b.Min})"));
            if (b.Max is null && i < deputies.Count - 1) errors.Add(new(f + ".max", $"ช่วงที่ {i + 1} ไม่มีจำนวนสูงสุด จึงต้องเป็นช่วงสุดท้าย"));
            if (b.Max is not null && i == deputies.Count - 1) errors.Add(new(f + ".max", "ช่วงสุดท้ายต้องไม่มีจำนวนสูงสุด (\"ขึ้นไป\") ให้ครอบคลุมโรงเรียนทุกขนาด"));
            if (b.Deputies is < 0 or > MaxAdministrators) errors.Add(new(f + ".deputies", $"ช่วงที่ {i + 1}: จำนวนรองผู้อำนวยการต้องอยู่ระหว่าง 0 ถึง {MaxAdministrators} คน"));
            if (b.Min > MaxStudents || b.Max > MaxStudents) errors.Add(new(f + ".max", $"ช่วงที่ {i + 1}: จำนวนนักเรียนต้องไม่เกิน {MaxStudents:#,0} คน"));
            if (i > 0 && deputies[i - 1] is { Max: { } prevMax } prev)
            {
                if (b.Min <= prevMax) errors.Add(new(f + ".min", $"ช่วงที่ {i + 1} ซ้อนทับช่วงก่อนหน้า (เริ่ม {b.Min} แต่ช่วงก่อนถึง {prevMax})"));
                else if (b.Min > prevMax + 1) errors.Add(new(f + ".min", $"ขาดช่วงนักเรียน {prevMax + 1}–{b.Min - 1} คน ระหว่างช่วงที่ {i} และ {i + 1}"));
                if (b.Deputies < prev.Deputies) errors.Add(new(f + ".deputies", $"ช่วงที่ {i + 1}: จำนวนรองผู้อำนวยการต้องไม่น้อยกว่าช่วงก่อนหน้า"));
            }
        }
        if (!Enum.IsDefined(c.Rounding)) errors.Add(new(p + "rounding", "ไม่รู้จักวิธีปัดเศษนี้"));
        return errors;
    }
}
