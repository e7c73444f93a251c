using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;
using SkiaSharp;

namespace Phatthana.Web.Features.Organisation.Areas;

/// <summary>
/// Sets or removes the area's logo for its printed reports. The file must really be a PNG or JPEG picture
/// (decoded, not trusted by its name or content type), at most 512 KB and 2,000 px a side.
/// </summary>
public sealed class SaveAreaLogo(AppDbContext db, TimeProvider time)
{
    public const string Field = "file";
    private const int MaxSide = 2000, MinSide = 16;

    public static IReadOnlyList<FieldError> Check(string? fileName, long length, byte[]? bytes, out string? contentType)
    {
        contentType = null;
        if (bytes is null || length == 0) return [new FieldError(Field, "กรุณาเลือกไฟล์ภาพตราสัญลักษณ์ (PNG หรือ JPEG)")];
        if (length > AreaLogo.MaxBytes) return [new FieldError(Field, $"ไฟล์ใหญ่เกินไป ({length / 1024:N0} KB) — ขนาดไม่เกิน {AreaLogo.MaxBytes / 1024:N0} KB")];
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
            return [new FieldError(Field, $"ไฟล์ {fileName} ไม่ใช่ภาพ PNG หรือ JPEG")];
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w < MinSide || h < MinSide || w > MaxSide || h > MaxSide)
            return [new FieldError(Field, $"ภาพขนาด {w}×{h} พิกเซล — ต้องอยู่ระหว่าง {MinSide} ถึง {MaxSide:N0} พิกเซลต่อด้าน")];
        contentType = codec.EncodedFormat == SKEncodedImageFormat.Png ? "image/png" : "image/jpeg";
        return [];
    }

    public async Task<Outcome<AreaLogo>> SetAsync(Guid areaId, IFormFile? file, CancellationToken ct = default)
    {
        byte[]? bytes = null;
        if (file is { Length: > 0 and <= AreaLogo.MaxBytes })
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, ct);
            bytes = copy.ToArray();
        }
        var errors = Check(file?.FileName, file?.Length ?? 0, bytes ?? (file is { Length: > 0 } ? [] : null), out var contentType);
        if (errors.Count > 0) return Outcome<AreaLogo>.Invalid(errors);
        var logo = await db.AreaLogos.FirstOrDefaultAsync(l => l.AreaId == areaId, ct);
        if (logo is null) db.AreaLogos.Add(logo = new AreaLogo { AreaId = areaId, Image = bytes!, ContentType = contentType! });
        else { logo.Image = bytes!; logo.ContentType = contentType!; }
        logo.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<AreaLogo>.Ok(logo);
    }

    /// <summary>Removes the logo; false when the area had none.</summary>
    public async Task<bool> RemoveAsync(Guid areaId, CancellationToken ct = default)
    {
        if (await db.AreaLogos.FirstOrDefaultAsync(l => l.AreaId == areaId, ct) is not { } logo) return false;
        db.AreaLogos.Remove(logo);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
