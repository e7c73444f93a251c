using System.IO.Compression;
using System.Text;

namespace Phatthana.Web.Features.Assessment;

/// <summary>One kind of document a round may keep as evidence: the extensions it goes by and the content type it is served with.</summary>
public sealed record EvidenceFileKind(string Label, string[] Extensions, string ContentType);

/// <summary>
/// Which uploads are accepted as evidence, decided by what the bytes are, not by the name or the browser's content type:
/// a PDF starts "%PDF-", a PNG with its signature, a JPEG FF D8 FF, a GIF "GIF8"; Word, Excel and PowerPoint (.docx/.xlsx/
/// .pptx) are zip packages holding [Content_Types].xml and their own part folder; the legacy .doc/.xls/.ppt are OLE compound
/// files holding their own stream. The extension must agree with the content, so a renamed file is refused.
/// </summary>
public static class EvidenceFileCheck
{
    public static readonly EvidenceFileKind Pdf = new("PDF", [".pdf"], "application/pdf");
    public static readonly EvidenceFileKind Png = new("PNG", [".png"], "image/png");
    public static readonly EvidenceFileKind Jpeg = new("JPEG", [".jpg", ".jpeg"], "image/jpeg");
    public static readonly EvidenceFileKind Gif = new("GIF", [".gif"], "image/gif");
    public static readonly EvidenceFileKind Docx = new("Word (.docx)", [".docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly EvidenceFileKind Xlsx = new("Excel (.xlsx)", [".xlsx"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly EvidenceFileKind Pptx = new("PowerPoint (.pptx)", [".pptx"], "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    public static readonly EvidenceFileKind Doc = new("Word (.doc)", [".doc"], "application/msword");
    public static readonly EvidenceFileKind Xls = new("Excel (.xls)", [".xls"], "application/vnd.ms-excel");
    public static readonly EvidenceFileKind Ppt = new("PowerPoint (.ppt)", [".ppt"], "application/vnd.ms-powerpoint");

    public static readonly IReadOnlyList<EvidenceFileKind> Kinds = [Pdf, Png, Jpeg, Gif, Docx, Xlsx, Pptx, Doc, Xls, Ppt];

    /// <summary>For the file input's accept attribute.</summary>
    public static string Accept => string.Join(",", Kinds.SelectMany(k => k.Extensions));

    public static string Allowed => "PDF, รูปภาพ (PNG, JPEG, GIF), Word, Excel, PowerPoint";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The kind an extension claims (".PDF" and ".pdf" alike), or null when it is not accepted at all.</summary>
    public static EvidenceFileKind? ByExtension(string? fileName)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return ext.Length == 0 ? null : Kinds.FirstOrDefault(k => k.Extensions.Contains(ext));
    }

    /// <summary>Whether the content (a seekable stream, read from its start) is what <paramref name="kind"/> says.</summary>
    public static bool Matches(EvidenceFileKind kind, Stream content)
    {
        content.Position = 0;
        var head = new byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (kind == Pdf) return StartsWith(head, "%PDF-"u8);
        if (kind == Png) return StartsWith(head, PngSignature);
        if (kind == Jpeg) return StartsWith(head, [0xFF, 0xD8, 0xFF]);
        if (kind == Gif) return StartsWith(head, "GIF87a"u8) || StartsWith(head, "GIF89a"u8);
        if (kind == Docx) return IsPackage(content, head, "word/");
        if (kind == Xlsx) return IsPackage(content, head, "xl/");
        if (kind == Pptx) return IsPackage(content, head, "ppt/");
        if (kind == Doc) return IsCompound(content, head, "WordDocument");
        if (kind == Xls) return IsCompound(content, head, "Workbook") || IsCompound(content, head, "Book");
        if (kind == Ppt) return IsCompound(content, head, "PowerPoint Document");
        return false;
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, ReadOnlySpan<byte> prefix) => head.StartsWith(prefix);

    /// <summary>An OOXML package: a zip with [Content_Types].xml and the part folder of its application.</summary>
    private static bool IsPackage(Stream content, byte[] head, string partFolder)
    {
        if (!StartsWith(head, "PK\x03\x04"u8)) return false;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            return names.Contains("[Content_Types].xml") && names.Any(n => n.StartsWith(partFolder, StringComparison.Ordinal));
        }
        catch (InvalidDataException) { return false; }
        finally { content.Position = 0; }
    }

    /// <summary>A legacy Office file: an OLE compound file whose directory names the application's main stream (UTF-16).</summary>
    private static bool IsCompound(Stream content, byte[] head, string stream)
    {
        if (!StartsWith(head, OleSignature)) return false;
        var needle = Encoding.Unicode.GetBytes(stream + "\0");
        var buffer = new byte[1 << 16];
        var carry = 0;
        try
        {
            int read;
            while ((read = content.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var span = buffer.AsSpan(0, carry + read);
                if (span.IndexOf(needle) >= 0) return true;
                carry = Math.Min(needle.Length - 1, span.Length);
                span[^carry..].CopyTo(buffer);
            }
            return false;
        }
        finally { content.Position = 0; }
    }
}
