using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Phatthana.Web.Data;

/// <summary>
/// Saves a change tracker that holds only new rows — a chunk of an import — as SaveChanges would, but without EF's
/// per-row command pipeline, which cost an import of 100,000 people most of its time (docs/benchmarks.md): first the
/// same preparation (<see cref="AuditInterceptor"/>: scope guard, timestamps, one audit entry per row), then the rows
/// written table by table, principals first — binary COPY on PostgreSQL, one prepared INSERT run row by row on SQLite.
/// Each value is converted and typed by the column's EF type mapping, as SaveChanges does, so rows are stored exactly
/// as SaveChanges stores them. It writes in the caller's transaction, so an import stays all or nothing, and a refusal
/// by the database comes back as the <see cref="DbUpdateException"/> SaveChanges would throw. Anything else — an update,
/// a delete, a key or default the database makes, no transaction open — goes through SaveChanges unchanged.
/// </summary>
public static class BulkInsert
{
    private static readonly ConcurrentDictionary<IEntityType, Plan?> Plans = new();

    public static async Task SaveChangesAsync(AppDbContext db, CancellationToken ct = default)
    {
        var tracker = db.ChangeTracker;
        var audit = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditInterceptor>().SingleOrDefault();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (audit is null || transaction is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        // Changes are detected once here and once by the audit's preparation, not again on every look at the entries.
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (InsertOnly(db, tracker) is not { } types)
            {
                tracker.AutoDetectChangesEnabled = autoDetect;
                await db.SaveChangesAsync(ct);
                return;
            }
            audit.Prepare(db);
            var rows = new Dictionary<IEntityType, List<EntityEntry>>();
            foreach (var entry in tracker.Entries())
            {
                if (entry.State != EntityState.Added) continue;
                if (!rows.TryGetValue(entry.Metadata, out var list)) rows[entry.Metadata] = list = [];
                list.Add(entry);
            }
            try
            {
                foreach (var type in types.Where(rows.ContainsKey))
                    await InsertAsync(transaction, Plans[type]!, rows[type], db.Database.GetCommandTimeout(), ct);
            }
            catch (DbException e)
            {
                throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", e);
            }
            tracker.AcceptAllChanges();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// The entity types to insert, principals before dependents, when every change is a new row this class can write
    /// (and the audit entries the preparation will add can be written too); otherwise null.
    /// </summary>
    private static List<IEntityType>? InsertOnly(DbContext db, ChangeTracker tracker)
    {
        var types = new HashSet<IEntityType>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.State != EntityState.Added || PlanFor(entry.Metadata) is not { } plan) return null;
            foreach (var key in plan.GeneratedKeys)
                if (entry.Property(key.Name).IsTemporary) return null; // the database would make this key
            types.Add(entry.Metadata);
        }
        if (types.Count == 0) return null;
        if (db.Model.FindEntityType(typeof(Features.Audit.AuditEntry)) is not { } audit || PlanFor(audit) is null) return null;
        types.Add(audit);
        return Order(types);
    }

    /// <summary>Principal tables before the tables whose foreign keys point at them; null on a cycle.</summary>
    private static List<IEntityType>? Order(HashSet<IEntityType> types)
    {
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        bool Visit(IEntityType type)
        {
            if (ordered.Contains(type)) return true;
            if (!visiting.Add(type)) return false;
            foreach (var fk in type.GetForeignKeys())
                if (types.Contains(fk.PrincipalEntityType) && !Visit(fk.PrincipalEntityType)) return false;
            ordered.Add(type);
            return true;
        }
        return types.All(Visit) ? ordered : null;
    }

    /// <summary>How rows of a type are inserted, or null when this class leaves the type to SaveChanges.</summary>
    private static Plan? PlanFor(IEntityType type) => Plans.GetOrAdd(type, static type =>
    {
        // One table of its own, plain columns: no owned or complex types, no table shared with another type.
        if (type.IsOwned() || type.GetComplexProperties().Any() || type.GetTableMappings().ToList() is not [var mapping] ||
            mapping.Table.EntityTypeMappings.Count() != 1 || type.GetForeignKeys().Any(fk => fk.PrincipalEntityType == type))
            return null;
        var columns = mapping.ColumnMappings.ToList();
        if (columns.Count != type.GetProperties().Count()) return null;
        var store = StoreObjectIdentifier.Table(mapping.Table.Name, mapping.Table.Schema);
        foreach (var c in columns)
        {
            // Values the database would supply (identity, defaults, computed columns) stay with SaveChanges.
            if (c.Property.GetDefaultValueSql(store) is not null || c.Property.FindAnnotation(RelationalAnnotationNames.DefaultValue) is not null ||
                c.Property.GetComputedColumnSql(store) is not null ||
                (c.Property.ValueGenerated != ValueGenerated.Never && !c.Property.IsPrimaryKey()))
                return null;
        }
        return new Plan(mapping.Table.Name, mapping.Table.Schema, columns,
            [.. columns.Select(c => c.Property).Where(p => p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)]);
    });

    private static Task InsertAsync(DbTransaction transaction, Plan plan, List<EntityEntry> rows, int? timeout, CancellationToken ct) =>
        transaction.Connection is NpgsqlConnection postgres ? CopyAsync(postgres, plan, rows, ct) : InsertRowByRowAsync(transaction, plan, rows, timeout, ct);

    /// <summary>
    /// SQLite runs in this process: one INSERT prepared once and run per row is its fastest way in (EF prepares a
    /// new statement for every row; a statement of many rows binds each parameter by a name search through all of them).
    /// </summary>
    private static async Task InsertRowByRowAsync(DbTransaction transaction, Plan plan, List<EntityEntry> rows, int? timeout, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        if (timeout is { } seconds) command.CommandTimeout = seconds;
        command.CommandText = plan.InsertSql;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            var values = row.CurrentValues;
            for (var c = 0; c < plan.Columns.Count; c++)
            {
                var column = plan.Columns[c];
                command.Parameters.Add(column.TypeMapping.CreateParameter(command, plan.ParameterNames[c], values[column.Property], column.Column.IsNullable));
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// PostgreSQL: binary COPY, in the transaction the connection has open. Each value is converted and typed as EF's
    /// parameter for the column would be (the provider type the mapping sets on it).
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, Plan plan, List<EntityEntry> rows, CancellationToken ct)
    {
        await using var typing = connection.CreateCommand();
        await using var copy = await connection.BeginBinaryImportAsync(plan.CopySql, ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            var values = row.CurrentValues;
            foreach (var column in plan.Columns)
            {
                var parameter = (NpgsqlParameter)column.TypeMapping.CreateParameter(typing, "p", values[column.Property], column.Column.IsNullable);
                if (parameter.Value is null or DBNull) await copy.WriteNullAsync(ct);
                else if (parameter.NpgsqlDbType != NpgsqlTypes.NpgsqlDbType.Unknown) await copy.WriteAsync(parameter.Value, parameter.NpgsqlDbType, ct);
                else await copy.WriteAsync(parameter.Value, parameter.DataTypeName!, ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    private sealed record Plan(string Table, string? Schema, List<IColumnMapping> Columns, List<IProperty> GeneratedKeys)
    {
        private string Target => (Schema is null ? "" : Quote(Schema) + ".") + Quote(Table) + " (" + string.Join(", ", Columns.Select(c => Quote(c.Column.Name))) + ")";

        public string[] ParameterNames { get; } = [.. Columns.Select((_, i) => "@p" + i)];

        /// <summary>INSERT INTO "Table" ("A", "B") VALUES (@p0, @p1)</summary>
        public string InsertSql => field ??= $"INSERT INTO {Target} VALUES ({string.Join(", ", ParameterNames)})";

        /// <summary>COPY "Table" ("A", "B") FROM STDIN (FORMAT BINARY)</summary>
        public string CopySql => field ??= $"COPY {Target} FROM STDIN (FORMAT BINARY)";

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
    }
}
