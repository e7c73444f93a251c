using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Onet;

/// <summary>The five O-NET subjects in the order offices' tables list them.</summary>
public enum OnetSubject { Thai, Social, English, Mathematics, Science }

/// <summary>The grade that sat the test.</summary>
public enum OnetLevel { P6, M3, M6 }

/// <summary>A school's row, or one of the reference rows the file carries: the area's and the national mean.</summary>
public enum OnetRowKind { School, Area, National }

/// <summary>
/// One O-NET mean score: of a school (or the area, or the country) × academic year × grade × subject, with the number of
/// students who sat it. An import replaces the area's whole year and grade.
/// </summary>
public sealed class OnetScore : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    /// <summary>ปีการศึกษา (พ.ศ.).</summary>
    public int AcademicYear { get; set; }
    public OnetLevel Level { get; set; }
    public OnetRowKind Kind { get; set; }
    /// <summary>Set for school rows only.</summary>
    public Guid? SchoolId { get; set; }
    public OnetSubject Subject { get; set; }
    public decimal Score { get; set; }
    public int? Students { get; set; }
}
