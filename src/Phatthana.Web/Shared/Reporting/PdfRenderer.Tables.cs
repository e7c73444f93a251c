using SkiaSharp;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// Tables in print: wrapped to the page before anything is drawn (so a heading above knows what to keep with it), cells
/// that span columns or hold several paragraphs, the header repeated on each page, a data row moved whole to the next page,
/// a long row of paragraphs going on over the page, and rows kept with the next printed together.
/// </summary>
public static partial class PdfRenderer
{
    private sealed partial class Layout
    {
        private const float CellPad = 3f, CellPadY = 2.2f;
        private static float TableLine => TableSize * LineFactor;

        /// <summary>A cell placed in a row: where it starts, how wide it is (its columns together), and its wrapped lines.</summary>
        private sealed record PlacedCell(float X, float Width, CellKind Kind, List<(string Text, bool Bold)> Lines);

        /// <summary>A row of several paragraphs at least this tall reads as running text: it goes on over the page.</summary>
        private const int RunningLines = 6;

        private sealed record PlacedRow(List<PlacedCell> Cells, bool Bold, bool KeepWithNext, bool Paragraphs)
        {
            public int Lines => Math.Max(1, Cells.Max(c => c.Lines.Count));
            public float Height => Lines * TableLine + 2 * CellPadY;
            /// <summary>Continues on the next page (two lines at least on each) rather than moving whole, as the offices'
            /// narrative cells do; a data row, or a row kept with the next, moves whole.</summary>
            public bool Continues => Paragraphs && !KeepWithNext && Lines >= RunningLines;
        }

        /// <summary>A table wrapped to the page width before anything is drawn, so a heading above it knows what to keep.</summary>
        private sealed record PlacedTable(List<PlacedCell> Header, float HeaderHeight, List<PlacedRow> Rows, float TitleHeight)
        {
            /// <summary>The height of row <paramref name="i"/> and the rows it keeps with it.</summary>
            public float Chain(int i)
            {
                var height = Rows[i].Height;
                while (Rows[i].KeepWithNext && i + 1 < Rows.Count) height += Rows[++i].Height;
                return height;
            }

            /// <summary>What must fit for the table to start on a page: its title, its header and the first row (one line of
            /// it, or all of it with the rows it keeps with it).</summary>
            public float First => Rows.Count > 0 && Rows[0].KeepWithNext ? Chain(0) : TableLine + 2 * CellPadY;

            public float Lead => TitleHeight + HeaderHeight + First;
        }

        private readonly Dictionary<ReportTable, PlacedTable> placed = new(ReferenceEqualityComparer.Instance);

        private PlacedTable Placed(ReportTable table)
        {
            if (placed.TryGetValue(table, out var done)) return done;
            var totalWeight = table.Columns.Sum(c => Math.Max(4, c.Width));
            var widths = table.Columns.Select(c => (float)(Math.Max(4, c.Width) / totalWeight) * ContentWidth).ToArray();
            var lefts = new float[widths.Length];
            for (var i = 1; i < widths.Length; i++) lefts[i] = lefts[i - 1] + widths[i - 1];

            List<(string, bool)> Wrap(string text, float width, bool bold) =>
                ThaiLineBreaker.Wrap(text, width - 2 * CellPad, t => Width(t, bold, TableSize)).Select(l => (l, bold)).ToList();

            PlacedRow Place(ReportRow row, bool bold) => new(row.Cells(table.Columns.Count).Select(c =>
            {
                var width = widths.Skip(c.Column).Take(c.Span).Sum();
                var lines = c.Value is ReportCell rich
                    ? rich.Paragraphs.SelectMany(p => Wrap(p.Text, width, bold || p.Bold)).ToList()
                    : Wrap(CellText.Format(c.Value, table.Columns[c.Column].Kind, report.ThaiDigits), width, bold);
                return new PlacedCell(Left + lefts[c.Column], width, table.Columns[c.Column].Kind, lines);
            }).ToList(), bold, row.KeepWithNext && !bold, row.Values.Any(v => v is ReportCell));

            var header = table.Columns.Select((c, i) => new PlacedCell(Left + lefts[i], widths[i], c.Kind, Wrap(c.Header, widths[i], true))).ToList();
            var rows = table.Rows.Select(r => Place(r, false)).ToList();
            if (table.Total is not null) rows.Add(Place(table.Total, true));
            var title = table.ShowTitle && !string.IsNullOrWhiteSpace(table.Title)
                ? ThaiLineBreaker.Wrap(D(table.Title), ContentWidth, t => Width(t, true, 11.5f)).Count * 11.5f * LineFactor + 1.5f * Mm
                : 0;
            return placed[table] = new PlacedTable(header, header.Max(c => c.Lines.Count) * TableLine + 2 * CellPadY, rows, title);
        }

        private void Table(ReportTable table)
        {
            var laid = Placed(table);
            var headerHeight = laid.HeaderHeight;

            if (laid.TitleHeight > 0)
            {
                Ensure(12 * LineFactor + headerHeight + TableLine * 2);
                Paragraph(D(table.Title), false, true, 11.5f);
            }

            void DrawHeader()
            {
                var top = y;
                page.Add(c => Row(c, laid.Header, top, headerHeight, 0, int.MaxValue, HeaderFill, centre: true));
                y += headerHeight;
            }

            Ensure(headerHeight + laid.First);
            DrawHeader();
            for (var r = 0; r < laid.Rows.Count; r++)
            {
                var row = laid.Rows[r];
                // A row that begins a kept group moves to a fresh page with the group when the group fits on one.
                if (row.KeepWithNext && (r == 0 || !laid.Rows[r - 1].KeepWithNext))
                {
                    var group = laid.Chain(r);
                    if (y + group > Limit && group <= Limit - Top - headerHeight) { NewPage(); DrawHeader(); }
                }
                var lines = row.Lines;
                var from = 0;
                while (from < lines)
                {
                    var room = (int)Math.Floor((Limit - y - 2 * CellPadY) / TableLine);
                    var needed = lines - from;
                    var moveWhole = room < needed && from == 0 && needed * TableLine + 2 * CellPadY <= Limit - Top - headerHeight && !(row.Continues && room >= 2);
                    if (room < Math.Min(needed, row.Continues ? 2 : 1) || moveWhole)
                    {
                        // The row does not fit here but fits on a fresh page: move it whole, header first.
                        NewPage();
                        DrawHeader();
                        continue;
                    }
                    var take = Math.Min(needed, Math.Max(1, room));
                    if (row.Continues && take < needed && needed - take < 2) take = needed - 2;
                    var top = y;
                    var h = take * TableLine + 2 * CellPadY;
                    var start = from;
                    page.Add(c => Row(c, row.Cells, top, h, start, take, row.Bold ? TotalFill : SKColors.Empty, centre: false));
                    y += h;
                    from += take;
                    if (from < lines) { NewPage(); DrawHeader(); }
                }
            }
            y += 4 * Mm;
        }

        private static void Row(SKCanvas canvas, List<PlacedCell> cells, float top, float height, int firstLine, int lineCount, SKColor fill, bool centre)
        {
            using var border = new SKPaint { Color = Rule, StrokeWidth = 0.5f, IsStroke = true };
            using var background = new SKPaint { Color = fill, IsStroke = false };
            foreach (var cell in cells)
            {
                var rect = new SKRect(cell.X, top, cell.X + cell.Width, top + height);
                if (fill != SKColors.Empty) canvas.DrawRect(rect, background);
                canvas.DrawRect(rect, border);
                var lines = cell.Lines.Skip(firstLine).Take(lineCount).ToList();
                for (var l = 0; l < lines.Count; l++)
                {
                    var (text, bold) = lines[l];
                    var w = Width(text, bold, TableSize);
                    var tx = centre ? cell.X + (cell.Width - w) / 2
                        : cell.Kind is CellKind.Number or CellKind.Decimal ? cell.X + cell.Width - CellPad - w
                        : cell.X + CellPad;
                    Text(canvas, text, tx, top + CellPadY + l * TableLine + TableSize * 1.1f, bold, TableSize, Black);
                }
            }
        }
    }
}
