using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Shared.Reporting;

public enum CellKind { Text, Number, Decimal, Date, DateTime }

/// <summary>One column of a table: its Thai header, how a row gives its value, and how people sort by it.</summary>
public sealed record TableColumn<T>(
    string Header,
    Func<T, object?> Value,
    CellKind Kind = CellKind.Text,
    string? SortKey = null,
    Func<T, string?>? Link = null,
    double Width = 16,
    bool Wrap = false,
    bool OnScreen = true,
    bool InFile = true);

/// <summary>
/// A table declared once and shown three ways: as the page's HTML table (with sort links), as .xlsx, and
/// (with the reporting kit) as PDF. Keeping one declaration keeps the page and its exports the same.
/// </summary>
public sealed class TableSpec<T>(string title, params TableColumn<T>[] columns)
{
    public string Title { get; } = title;
    public IReadOnlyList<TableColumn<T>> Columns { get; } = columns;

    /// <summary>The on-screen table: columns marked export-only are left out; long text columns may wrap.</summary>
    public TableView ToView(IEnumerable<T> rows, DisplayFormat fmt)
    {
        var shown = Columns.Where(c => c.OnScreen).ToList();
        return new TableView(
            shown.Select(c => new HeaderCell(c.Header, c.SortKey, c.Kind)).ToList(),
            rows.Select(r => (IReadOnlyList<Cell>)shown.Select(c => new Cell(fmt.Cell(c.Value(r), c.Kind), c.Link?.Invoke(r), c.Kind, c.Wrap)).ToList()).ToList());
    }

    /// <summary>The table for the exports: every column meant for files (export-only ones too), typed values and display text.</summary>
    public ReportTable ToReport(IEnumerable<T> rows, string? title = null)
    {
        var filed = Columns.Where(c => c.InFile).ToList();
        return new(title ?? Title,
            filed.Select(c => new ReportColumn(c.Header, c.Kind, c.Width, c.Wrap)).ToList(),
            rows.Select(r => new ReportRow(filed.Select(c => c.Value(r)).ToArray())).ToList());
    }
}

public sealed record HeaderCell(string Text, string? SortKey, CellKind Kind);

public sealed record Cell(string Text, string? Link, CellKind Kind, bool Wrap = false);

/// <summary>A table ready for the shared table partial.</summary>
public sealed record TableView(IReadOnlyList<HeaderCell> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows);
