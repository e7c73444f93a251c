using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Data;

public static class SaveOutcome
{
    public const string ConcurrencyMessage = "ข้อมูลนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง";
    public const string InUseMessage = "ลบไม่ได้ เพราะยังมีข้อมูลอื่นอ้างถึงรายการนี้";
    public const string SimultaneousMessage = "มีการบันทึกข้อมูลเดียวกันพร้อมกันจากที่อื่น กรุณาลองใหม่อีกครั้ง";

    /// <summary>
    /// Saves and maps the database's refusals to outcomes: a unique key taken by a concurrent writer (409 on
    /// <paramref name="duplicateField"/> when that column's key was hit, a general 409 for any other key), a row still
    /// referenced (409), a lost update (409). Nothing is half-saved: on refusal the tracked changes are dropped.
    /// </summary>
    public static async Task<Outcome<T>> TrySaveAsync<T>(this AppDbContext db, T value, string duplicateField, string duplicateMessage, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Duplicate("", ConcurrencyMessage);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return duplicateField.Length > 0 && DbErrors.UniqueViolationOn(ex, duplicateField)
                ? Outcome<T>.Duplicate(duplicateField, duplicateMessage)
                : Outcome<T>.Duplicate("", SimultaneousMessage);
        }
        catch (DbUpdateException ex) when (DbErrors.IsForeignKeyViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Duplicate("", InUseMessage);
        }
    }
}
