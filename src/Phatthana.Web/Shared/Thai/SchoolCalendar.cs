namespace Phatthana.Web.Shared.Thai;

/// <summary>
/// The two years an area office counts in, both named in พ.ศ.:
/// fiscal year N runs 1 Oct (N−1) – 30 Sep N; academic year N starts on 16 May of N.
/// </summary>
public static class SchoolCalendar
{
    public const int FiscalYearStartMonth = 10;
    public const int AcademicYearStartMonth = 5;
    public const int AcademicYearStartDay = 16;

    public static int FiscalYearOf(DateOnly date) =>
        ThaiDate.ToBuddhistYear(date.Month >= FiscalYearStartMonth ? date.Year + 1 : date.Year);

    public static DateOnly FiscalYearStart(int fiscalYear) =>
        new(ThaiDate.ToGregorianYear(fiscalYear) - 1, FiscalYearStartMonth, 1);

    public static DateOnly FiscalYearEnd(int fiscalYear) =>
        new(ThaiDate.ToGregorianYear(fiscalYear), FiscalYearStartMonth - 1, 30);

    public static int AcademicYearOf(DateOnly date)
    {
        var started = date.Month > AcademicYearStartMonth ||
                      (date.Month == AcademicYearStartMonth && date.Day >= AcademicYearStartDay);
        return ThaiDate.ToBuddhistYear(started ? date.Year : date.Year - 1);
    }

    public static DateOnly AcademicYearStart(int academicYear) =>
        new(ThaiDate.ToGregorianYear(academicYear), AcademicYearStartMonth, AcademicYearStartDay);

    public static DateOnly AcademicYearEnd(int academicYear) => AcademicYearStart(academicYear + 1).AddDays(-1);

    /// <summary>The month ภาคเรียนที่ 2 begins (1 พ.ย.); ภาคเรียนที่ 1 runs from the start of the academic year until then.</summary>
    public const int SecondSemesterStartMonth = 11;

    /// <summary>ภาคเรียนที่ 1 (16 พ.ค. – 31 ต.ค.) or 2 (1 พ.ย. – 15 พ.ค.) of the academic year the date falls in.</summary>
    public static int SemesterOf(DateOnly date)
    {
        var start = AcademicYearStart(AcademicYearOf(date));
        return date < new DateOnly(start.Year, SecondSemesterStartMonth, 1) ? 1 : 2;
    }

    /// <summary>The semester before (semester 1 of a year follows semester 2 of the year before).</summary>
    public static (int AcademicYear, int Semester) PreviousSemester(int academicYear, int semester) =>
        semester == 2 ? (academicYear, 1) : (academicYear - 1, 2);

    /// <summary>The student-count snapshot date of an academic year (10 มิ.ย.).</summary>
    public static DateOnly StudentCountSnapshot(int academicYear) => new(ThaiDate.ToGregorianYear(academicYear), 6, 10);

    /// <summary>Accepted range for a พ.ศ. year typed by a person or sent to the API.</summary>
    public static bool IsPlausibleBuddhistYear(int year) => year is >= 2500 and <= 2700;

    /// <summary>Reads a พ.ศ. year as a query string or form gives it ("2567", " ๒๕๖๗ "); false when it is not one.</summary>
    public static bool TryReadYear(string? text, out int year) =>
        int.TryParse(ThaiNumber.ToArabicDigits((text ?? "").Trim()), out year) && IsPlausibleBuddhistYear(year);

    /// <summary>The one message for a year that is not one, e.g. on "academicYear" with the label "ปีการศึกษา".</summary>
    public static Validation.FieldError BadYear(string field, string label, string? text) =>
        new(field, $"{label} \"{text}\" ไม่ถูกต้อง — ใช้ปี พ.ศ. เช่น 2568");
}
