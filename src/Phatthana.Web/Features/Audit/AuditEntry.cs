namespace Phatthana.Web.Features.Audit;

public enum AuditAction { Create, Update, Delete, Export, Anonymise }

/// <summary>One create/update/delete, written in the same transaction as the change itself.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>The area the changed row belongs to; null for rows outside any area (users, areas themselves are their own area).</summary>
    public Guid? AreaId { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>JSON object of the values before the change (null for a create).</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the values after the change (null for a delete).</summary>
    public string? After { get; set; }
}
