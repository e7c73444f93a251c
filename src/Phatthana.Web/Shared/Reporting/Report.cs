namespace Phatthana.Web.Shared.Reporting;

public enum PageOrientation { Portrait, Landscape }

public enum ReportFormat { Page, Xlsx, Pdf, Docx }

/// <summary>
/// A report declared once — title, the parameters it was asked with, and its blocks (headings, text, tables,
/// charts, signatures) — and rendered from that one declaration as a page, .xlsx, .pdf and .docx.
/// </summary>
public sealed record Report
{
    public required string Title { get; init; }

    /// <summary>The lines under the title that say what was asked, e.g. "ปีการศึกษา ๒๕๖๗".</summary>
    public IReadOnlyList<string> Subtitles { get; init; } = [];

    /// <summary>The area's name for the running header ("สำนักงานเขตพื้นที่การศึกษา…"); null for system-wide reports.</summary>
    public string? AreaName { get; init; }
    /// <summary>The area whose data this is, for the export log (null for install-wide reports).</summary>
    public Guid? AreaId { get; init; }

    /// <summary>The area's logo (PNG or JPEG) for the running header, when it has one.</summary>
    public byte[]? Logo { get; init; }

    public PageOrientation Orientation { get; init; } = PageOrientation.Portrait;

    public IReadOnlyList<ReportBlock> Blocks { get; init; } = [];

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>File name without the extension, e.g. "schools-PBI1".</summary>
    public required string FileStem { get; init; }

    /// <summary>Show numbers in the body with Thai digits (page numbers always use them).</summary>
    public bool ThaiDigits { get; init; }

    public IEnumerable<ReportTable> Tables => Blocks.OfType<TableBlock>().Select(b => b.Table);
}

public abstract record ReportBlock;

public sealed record HeadingBlock(string Text, int Level = 1) : ReportBlock;

public sealed record ParagraphBlock(string Text, bool Indent = false) : ReportBlock;

public sealed record TableBlock(ReportTable Table) : ReportBlock;

/// <summary>A chart; <paramref name="WidthFraction"/> of the text width in print.</summary>
public sealed record ChartBlock(ChartSpec Chart, float WidthFraction = 1f) : ReportBlock;

/// <summary>Signature lines for the people who sign the printed report.</summary>
public sealed record SignatureBlock(IReadOnlyList<Signer> Signers) : ReportBlock;

/// <summary>"ลงชื่อ ……… ผู้รายงาน / (name) / ตำแหน่ง …"; blank name or position print as dotted lines to fill by hand.</summary>
public sealed record Signer(string Role, string? Name = null, string? Position = null);

public sealed record ReportColumn(string Header, CellKind Kind, double Width, bool Wrap = false);

/// <summary>
/// A table as every format needs it: typed values, so Excel keeps numbers as numbers, while print and Word
/// write each cell through <see cref="CellText"/> (พ.ศ. dates, grouped numbers, Thai digits when asked).
/// </summary>
public sealed record ReportTable(string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>A closing row such as "รวม", printed bold.</summary>
    public ReportRow? Total { get; init; }

    /// <summary>Show the title above the table in print (a one-table report already shows it as the report's title).</summary>
    public bool ShowTitle { get; init; } = true;
}

public sealed record ReportRow(IReadOnlyList<object?> Values)
{
    /// <summary>Print this row on the same page as the next (a group of short rows that reads as one, e.g. a scale of levels).</summary>
    public bool KeepWithNext { get; init; }

    public IEnumerable<string> Texts(IReadOnlyList<ReportColumn> columns, bool thaiDigits) =>
        columns.Select((c, i) => CellText.Format(i < Values.Count ? Values[i] : null, c.Kind, thaiDigits));

    /// <summary>
    /// The cells as every renderer lays them out: one per column, except that a <see cref="ReportCell"/> with a span
    /// covers the next columns too (their values are not shown). A span is cut at the table's last column.
    /// </summary>
    public IEnumerable<(int Column, int Span, object? Value)> Cells(int columns)
    {
        for (var i = 0; i < columns;)
        {
            var value = i < Values.Count ? Values[i] : null;
            var span = value is ReportCell cell ? Math.Clamp(cell.Span, 1, columns - i) : 1;
            yield return (i, span, value);
            i += span;
        }
    }
}

/// <summary>
/// A cell richer than one value, as the offices' own report tables have them: several paragraphs (a bold label on its
/// own line, then its text), and it may span the next columns. Its text is kept as written (no Thai-digit change), like
/// any free text; Excel and JSON get the paragraphs joined by new lines.
/// </summary>
public sealed record ReportCell(IReadOnlyList<CellParagraph> Paragraphs)
{
    /// <summary>How many columns the cell covers, from its own.</summary>
    public int Span { get; init; } = 1;

    /// <summary>A cell of plain paragraphs.</summary>
    public static ReportCell Of(params string[] paragraphs) => new(paragraphs.Select(p => new CellParagraph(p)).ToList());

    public string Text => string.Join("\n", Paragraphs.Select(p => p.Text));

    public override string ToString() => Text;
}

public sealed record CellParagraph(string Text, bool Bold = false);
