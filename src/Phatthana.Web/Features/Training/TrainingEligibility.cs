using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Training;

/// <summary>
/// Whether a person is in a course's target group: their position among the course's target positions (when it names
/// any), and their major or a subject area they teach among its target subject areas (when it names any).
/// </summary>
public static class TrainingEligibility
{
    /// <summary>Why the person is outside the course's target group, in Thai; null when they are inside it.</summary>
    public static string? Problem(Course course, Person person)
    {
        if (course.TargetPositions.Count > 0 && !course.TargetPositions.Contains(person.Position))
            return $"{person.FullName} ตำแหน่ง{PersonnelText.Label(person.Position)} ไม่อยู่ในกลุ่มเป้าหมายของหลักสูตร ({string.Join(", ", course.TargetPositions.Select(PersonnelText.Label))})";
        if (course.TargetSubjectAreas.Count > 0
            && !(person.Major is { } major && course.TargetSubjectAreas.Contains(major))
            && !person.TeachingSubjectAreas.Any(course.TargetSubjectAreas.Contains))
            return $"{person.FullName} ไม่ได้สอนหรือจบในกลุ่มสาระเป้าหมายของหลักสูตร ({string.Join(", ", course.TargetSubjectAreas.Select(PersonnelText.Label))})";
        return null;
    }
}
