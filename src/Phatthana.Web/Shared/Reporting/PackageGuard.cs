using System.IO.Compression;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// Checks an uploaded .xlsx (a zip of XML parts) before any reader opens it: a zip bomb (a small file that unpacks to
/// gigabytes, or to a flood of parts) and an XML bomb (a DTD whose entities expand without end — "billion laughs" — or
/// reach for files and URLs) are refused with a message, never unpacked. The sizes are counted while unpacking, not
/// taken from the zip's own headers, which a hostile file may fill with anything. Office files never carry a DTD.
/// </summary>
public static class PackageGuard
{
    /// <summary>Far above what the largest import (100,000 rows, 20 MB zipped) unpacks to.</summary>
    public const long MaxUnpackedBytes = 400L * 1024 * 1024;
    public const int MaxParts = 2_000;

    private static readonly byte[][] Forbidden = ["<!DOCTYPE"u8.ToArray(), "<!ENTITY"u8.ToArray()];

    /// <summary>Null when the package is safe to read; else what is wrong, in Thai.</summary>
    public static string? Problem(byte[] package, string fileName, long maxUnpackedBytes = MaxUnpackedBytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts) return Refused(fileName, $"มีส่วนประกอบ {zip.Entries.Count:N0} ส่วน เกินกว่าที่ไฟล์ Excel ปกติมี");
            if (zip.Entries.Sum(e => e.Length) > maxUnpackedBytes) return Refused(fileName, "เมื่อแตกไฟล์แล้วมีขนาดใหญ่ผิดปกติ");
            var total = 0L;
            var buffer = new byte[81920];
            var keep = Forbidden.Max(f => f.Length) - 1;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                var carried = 0;
                int read;
                while ((read = part.Read(buffer, carried, buffer.Length - carried)) > 0)
                {
                    total += read;
                    if (total > maxUnpackedBytes) return Refused(fileName, "เมื่อแตกไฟล์แล้วมีขนาดใหญ่ผิดปกติ");
                    var window = buffer.AsSpan(0, carried + read);
                    foreach (var f in Forbidden)
                        if (window.IndexOf(f) >= 0) return Refused(fileName, "มีการประกาศ DTD/ENTITY ซึ่งไฟล์ Excel ไม่ใช้");
                    // Keep the tail, so a marker cut by the buffer's edge is still seen.
                    carried = Math.Min(keep, window.Length);
                    window[^carried..].CopyTo(buffer);
                }
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return $"อ่านไฟล์ {fileName} ไม่ได้ — ไฟล์ไม่ใช่ Excel (.xlsx) หรือเสียหาย";
        }
    }

    private static string Refused(string fileName, string why) => $"ไฟล์ {fileName} ถูกปฏิเสธเพื่อความปลอดภัย — {why} กรุณาบันทึกจาก Excel ใหม่เป็น \"Excel Workbook (.xlsx)\"";
}
