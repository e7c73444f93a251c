using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Phatthana.Web.Shared.Thai;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// Renders a <see cref="Report"/> to .docx so an office can still edit the wording before it is signed:
/// real Word headings and tables (header row repeats on each page), charts as pictures, signature lines, A4
/// with the page number "หน้า ๑ / ๓" in the footer. The font is TH Sarabun New, the font of Thai government
/// documents that every office PC has, at the official 16 pt.
/// </summary>
public static class WordRenderer
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Font = "TH Sarabun New";
    private const int BodyHalfPoints = 32, TableHalfPoints = 28, RunningText = 300;

    public static byte[] Render(Report report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = report.Title;
            doc.PackageProperties.Creator = "Phatthana (พัฒนา)";
            doc.PackageProperties.Created = report.GeneratedAt.UtcDateTime;
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            new Writer(report, main, body).Run();
        }
        return stream.ToArray();
    }

    private static RunFonts Fonts() => new() { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(), new FontSize { Val = $"{BodyHalfPoints}" }, new FontSizeComplexScript { Val = $"{BodyHalfPoints}" },
                new Languages { Val = "th-TH", Bidi = "th-TH", EastAsia = "th-TH" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));
        var styles = new Styles(defaults,
            ParagraphStyle("Normal", "Normal", null, false),
            ParagraphStyle("Title", "Title", 40, true, JustificationValues.Center),
            ParagraphStyle("Subtitle", "Subtitle", BodyHalfPoints, false, JustificationValues.Center),
            ParagraphStyle("Heading1", "heading 1", 36, true, outline: 0),
            ParagraphStyle("Heading2", "heading 2", 32, true, outline: 1),
            ParagraphStyle("TableText", "Table text", TableHalfPoints, false),
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        part.Styles = styles;
    }

    private static Style ParagraphStyle(string id, string name, int? halfPoints, bool bold, JustificationValues? align = null, int? outline = null)
    {
        var run = new StyleRunProperties();
        if (bold) { run.Append(new Bold()); run.Append(new BoldComplexScript()); }
        if (halfPoints is { } hp) { run.Append(new FontSize { Val = $"{hp}" }); run.Append(new FontSizeComplexScript { Val = $"{hp}" }); }
        var paragraph = new StyleParagraphProperties();
        if (outline is not null) { paragraph.Append(new KeepNext()); paragraph.Append(new SpacingBetweenLines { Before = "120", After = "60" }); }
        if (align is { } a) paragraph.Append(new Justification { Val = a });
        if (outline is { } o) paragraph.Append(new OutlineLevel { Val = o });
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
        style.Append(paragraph);
        style.Append(run);
        return style;
    }

    private sealed class Writer(Report report, MainDocumentPart main, Body body)
    {
        private uint pictures;
        private bool Landscape => report.Orientation == PageOrientation.Landscape;
        // A4 in twentieths of a point; margins 2.5 cm top, 3 cm left, 2 cm right and bottom (the official layout).
        private int PageWidth => Landscape ? 16838 : 11906;
        private int TextWidth => PageWidth - 1701 - 1134;

        private string D(string text) => report.ThaiDigits ? ThaiNumber.ToThaiDigits(text) : text;

        public void Run()
        {
            if (!string.IsNullOrWhiteSpace(report.AreaName)) body.Append(Para(report.AreaName, "Subtitle", bold: true));
            body.Append(Para(report.Title, "Title"));
            foreach (var sub in report.Subtitles) body.Append(Para(D(sub), "Subtitle"));
            body.Append(Para(D("ข้อมูล ณ " + ThaiDate.Long(DateOnly.FromDateTime(report.GeneratedAt.ToOffset(ThaiDate.ThailandOffset).DateTime))), "Subtitle"));
            body.Append(Para("", null));
            foreach (var block in report.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h: body.Append(Para(D(h.Text), h.Level <= 1 ? "Heading1" : "Heading2")); break;
                    case ParagraphBlock p: body.Append(Para(D(p.Text), null, indent: p.Indent)); break;
                    case TableBlock t: Table(t.Table); break;
                    case ChartBlock c: Chart(c); break;
                    case SignatureBlock s: Signatures(s); break;
                }
            }
            body.Append(Section());
        }

        private static Paragraph Para(string text, string? style, bool bold = false, bool indent = false, JustificationValues? align = null)
        {
            var props = new ParagraphProperties();
            if (style is not null) props.Append(new ParagraphStyleId { Val = style });
            if (indent) props.Append(new Indentation { FirstLine = "720" });
            if (align is { } a) props.Append(new Justification { Val = a });
            var paragraph = new Paragraph(props);
            var lines = text.Split('\n');
            var run = new Run();
            if (bold) run.Append(new RunProperties(new Bold(), new BoldComplexScript()));
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) run.Append(new Break());
                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
            paragraph.Append(run);
            return paragraph;
        }

        private void Table(ReportTable table)
        {
            if (table.ShowTitle && !string.IsNullOrWhiteSpace(table.Title)) body.Append(Para(D(table.Title), "Heading2"));
            var total = table.Columns.Sum(c => Math.Max(4, c.Width));
            var widths = table.Columns.Select(c => (int)(Math.Max(4, c.Width) / total * TextWidth)).ToArray();
            var grid = new TableGrid(widths.Select(w => new GridColumn { Width = $"{w}" }));
            var word = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Width = $"{TextWidth}", Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }), grid);
            var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            for (var i = 0; i < table.Columns.Count; i++) header.Append(Cell(table.Columns[i].Header, widths[i], true, JustificationValues.Center, "E8EEF3"));
            word.Append(header);
            foreach (var row in table.Rows) word.Append(Row(table, row, widths, false));
            if (table.Total is { } t) word.Append(Row(table, t, widths, true));
            body.Append(word);
            body.Append(Para("", null));
        }

        private TableRow Row(ReportTable table, ReportRow row, int[] widths, bool bold)
        {
            var cells = row.Cells(table.Columns.Count).ToList();
            // Rows are kept whole (a row taller than a page still starts on a new page and flows on), except a long row of
            // paragraphs, which reads as running text and goes on over the page as in the offices' own tables — Word lays
            // out the lines, so "long" is by length: a cell of RunningText characters is about six lines in a report column.
            var running = !row.KeepWithNext && cells.Any(c => c.Value is ReportCell rich && rich.Text.Length >= RunningText);
            var tr = new TableRow(running ? new TableRowProperties() : new TableRowProperties(new CantSplit()));
            foreach (var (column, span, value) in cells)
            {
                var numeric = table.Columns[column].Kind is CellKind.Number or CellKind.Decimal;
                var width = widths.Skip(column).Take(span).Sum();
                var align = numeric ? JustificationValues.Right : JustificationValues.Left;
                var cell = value is ReportCell rich
                    ? RichCell(rich, width, span, bold, align, bold ? "F4F6F8" : null)
                    : Cell(CellText.Format(value, table.Columns[column].Kind, report.ThaiDigits), width, bold, align, bold ? "F4F6F8" : null);
                // Word keeps a row with the next one when its paragraphs are "keep with next".
                if (row.KeepWithNext)
                    foreach (var props in cell.Elements<Paragraph>().Select(p => p.ParagraphProperties!))
                        props.InsertAfter(new KeepNext(), props.ParagraphStyleId); // pStyle comes first in the schema
                tr.Append(cell);
            }
            return tr;
        }

        private static TableCellProperties CellProperties(int width, string? fill, int span = 1)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa });
            if (span > 1) props.Append(new GridSpan { Val = span });
            if (fill is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = fill, Color = "auto" });
            return props;
        }

        private static TableCell Cell(string text, int width, bool bold, JustificationValues align, string? fill) =>
            new(CellProperties(width, fill), Para(text, "TableText", bold, align: align));

        /// <summary>One Word paragraph per paragraph of the cell, so the office edits them as paragraphs.</summary>
        private static TableCell RichCell(ReportCell rich, int width, int span, bool bold, JustificationValues align, string? fill)
        {
            var cell = new TableCell(CellProperties(width, fill, span));
            foreach (var p in rich.Paragraphs) cell.Append(Para(p.Text, "TableText", bold || p.Bold, align: align));
            if (rich.Paragraphs.Count == 0) cell.Append(Para("", "TableText"));
            return cell;
        }

        private void Chart(ChartBlock block)
        {
            var png = ChartRenderer.Png(block.Chart);
            var image = main.AddImagePart(ImagePartType.Png);
            using (var s = new MemoryStream(png)) image.FeedData(s);
            var id = main.GetIdOfPart(image);
            const long emuPerTwip = 635;
            long cx = (long)(TextWidth * Math.Clamp(block.WidthFraction, 0.2f, 1f)) * emuPerTwip;
            long cy = cx * block.Chart.Height / block.Chart.Width;
            var n = ++pictures;
            var drawing = new Drawing(new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new DW.DocProperties { Id = n, Name = $"แผนภูมิ {n}", Description = block.Chart.Title },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = n, Name = $"chart{n}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
            body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing)));
        }

        private void Signatures(SignatureBlock block)
        {
            var dots = new string('.', 40);
            var columns = block.Signers.Count > 1 ? 2 : 1;
            var width = TextWidth / 2;
            var table = new Table(new TableProperties(new TableWidth { Width = $"{TextWidth}", Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(new GridColumn { Width = $"{width}" }, new GridColumn { Width = $"{width}" }));
            for (var i = 0; i < block.Signers.Count; i += columns)
            {
                var row = new TableRow(new TableRowProperties(new CantSplit()));
                var group = block.Signers.Skip(i).Take(columns).ToList();
                if (columns == 1) row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa }), new Paragraph()));
                foreach (var s in group)
                {
                    var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa }));
                    cell.Append(Para("", null));
                    cell.Append(Para($"ลงชื่อ {dots} {s.Role}", null, align: JustificationValues.Center));
                    cell.Append(Para($"({(string.IsNullOrWhiteSpace(s.Name) ? dots : s.Name)})", null, align: JustificationValues.Center));
                    cell.Append(Para("ตำแหน่ง " + (string.IsNullOrWhiteSpace(s.Position) ? dots : s.Position), null, align: JustificationValues.Center));
                    cell.Append(Para("วันที่ ......... เดือน .................... พ.ศ. ..........", null, align: JustificationValues.Center));
                    row.Append(cell);
                }
                if (columns == 2 && group.Count == 1) row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa }), new Paragraph()));
                table.Append(row);
            }
            body.Append(table);
        }

        private SectionProperties Section()
        {
            var footer = main.AddNewPart<FooterPart>();
            var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
            paragraph.Append(new Run(new Text("หน้า ") { Space = SpaceProcessingModeValues.Preserve }));
            AppendField(paragraph, " PAGE \\* ThaiArabic ");
            paragraph.Append(new Run(new Text(" / ") { Space = SpaceProcessingModeValues.Preserve }));
            AppendField(paragraph, " NUMPAGES \\* ThaiArabic ");
            footer.Footer = new Footer(paragraph);
            var section = new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)(Landscape ? 11906 : 16838), Orient = Landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait },
                new PageMargin { Top = 1418, Bottom = 1134, Left = 1701, Right = 1134, Header = 709, Footer = 567, Gutter = 0 });
            return section;
        }

        private static void AppendField(Paragraph paragraph, string instruction)
        {
            paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }));
            paragraph.Append(new Run(new FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve }));
            paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            paragraph.Append(new Run(new Text("๑")));
            paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        }
    }
}
