using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>A session as the add and edit forms send it: dates as people type them (วว/ดด/ปปปป in พ.ศ.).</summary>
public sealed class SessionForm
{
    public string? Name { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Venue { get; set; }
    public int? Capacity { get; set; }
    public string? Status { get; set; } = nameof(SessionStatus.Open);
    public string? Trainers { get; set; }
    public string? RegistrationOpensOn { get; set; }
    public string? RegistrationClosesOn { get; set; }
    public int? Version { get; set; }

    public static SessionForm From(TrainingSession s) => new()
    {
        Name = s.Name, StartDate = ThaiDate.Numeric(s.StartDate), EndDate = ThaiDate.Numeric(s.EndDate), Venue = s.Venue, Capacity = s.Capacity,
        Status = s.Status.ToString(), Trainers = s.Trainers, Version = s.Version,
        RegistrationOpensOn = s.RegistrationOpensOn is { } o ? ThaiDate.Numeric(o) : null,
        RegistrationClosesOn = s.RegistrationClosesOn is { } c ? ThaiDate.Numeric(c) : null,
    };

    /// <summary>The input to save, and every problem with it (a date that cannot be read is reported as such, not as missing).</summary>
    public (SessionInput Input, List<FieldError> Errors) Read()
    {
        var errors = new List<FieldError>();
        var input = new SessionInput
        {
            Name = Name, Venue = Venue, Capacity = Capacity, Status = Status, Trainers = Trainers, Version = Version,
            StartDate = ReadDate(StartDate, "startDate", "วันเริ่ม", errors), EndDate = ReadDate(EndDate, "endDate", "วันสิ้นสุด", errors),
            RegistrationOpensOn = ReadDate(RegistrationOpensOn, "registrationOpensOn", "วันเปิดรับลงทะเบียน", errors),
            RegistrationClosesOn = ReadDate(RegistrationClosesOn, "registrationClosesOn", "วันปิดรับลงทะเบียน", errors),
        };
        errors.AddRange(SaveCourse.ReadSession(input, out _).Where(e => !errors.Any(d => d.Field == e.Field)));
        return (input, errors);
    }

    private static DateOnly? ReadDate(string? text, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ThaiDate.TryParse(text, out var date)) return date;
        errors.Add(new(field, $"{label} \"{text}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป ในปี พ.ศ. เช่น 15/01/2569"));
        return null;
    }
}
