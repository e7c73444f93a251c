using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>The area's training rules: required development hours per person per fiscal year and the coupon per person (AreaAdmin changes them).</summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class SettingsModel(AppDbContext db, RouteScope route, UserScope scope) : PageModel
{
    public Area Area => route.Area;
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public DateTimeOffset? UpdatedAt { get; private set; }
    [BindProperty] public string? RequiredHoursPerYear { get; set; }
    [BindProperty] public string? CouponPerPerson { get; set; }

    public async Task OnGetAsync()
    {
        var s = await TrainingLedger.SettingsAsync(db, Area.Id);
        RequiredHoursPerYear = s.RequiredHoursPerYear.ToString("0.##", CultureInfo.InvariantCulture);
        CouponPerPerson = s.CouponPerPerson.ToString("0.##", CultureInfo.InvariantCulture);
        UpdatedAt = s.Version > 0 || s.UpdatedAt != default ? s.UpdatedAt : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        var hours = Read(RequiredHoursPerYear, nameof(RequiredHoursPerYear), "ชั่วโมงการพัฒนาต่อปี", 0, 1000);
        var coupon = Read(CouponPerPerson, nameof(CouponPerPerson), "คูปองต่อคนต่อปี", 0, 1_000_000);
        if (hours is null || coupon is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var settings = await db.TrainingSettings.FirstOrDefaultAsync(s => s.AreaId == Area.Id);
        if (settings is null) db.TrainingSettings.Add(settings = new TrainingSettings { AreaId = Area.Id });
        settings.RequiredHoursPerYear = hours.Value;
        settings.CouponPerPerson = coupon.Value;
        await db.SaveChangesAsync();
        TempData["Flash"] = "บันทึกเกณฑ์การพัฒนาแล้ว";
        return Redirect($"/areas/{Area.Code}/training/settings");
    }

    private decimal? Read(string? text, string field, string label, decimal min, decimal max)
    {
        var clean = ThaiNumber.ToArabicDigits(text?.Trim() ?? "").Replace(",", "");
        if (!decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            ModelState.AddModelError(field, $"กรุณากรอก{label}เป็นตัวเลข");
            return null;
        }
        if (value < min || value > max)
        {
            ModelState.AddModelError(field, $"{label}ต้องอยู่ระหว่าง {min:#,0} ถึง {max:#,0}");
            return null;
        }
        return value;
    }
}
