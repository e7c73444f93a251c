using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// On first start, when the database has no users and Phatthana__Admin__Email / __Password are set,
/// creates that SystemAdmin so a fresh install can be signed into.
/// </summary>
public sealed class AdminBootstrap(AppDbContext db, UserManager<AppUser> users, ILogger<AdminBootstrap> log)
{
    public async Task RunAsync(string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return;
        if (await db.Users.AnyAsync()) return;
        var admin = new AppUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = "ผู้ดูแลระบบ", Role = Role.SystemAdmin };
        var result = await users.CreateAsync(admin, password);
        if (result.Succeeded) log.LogInformation("First SystemAdmin {Email} created", admin.Email);
        else log.LogError("First SystemAdmin not created: {Errors}", string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
