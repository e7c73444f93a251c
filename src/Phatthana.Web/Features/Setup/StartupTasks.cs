using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Setup;

/// <summary>What happens once at start-up: migrations, the first administrator, the demo area, the console banner.</summary>
public static class StartupTasks
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var config = app.Configuration;
        var log = app.Logger;
        await db.MigrateAsync();
        log.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
        await Manpower.DefaultRuleSet.EnsureAsync(db);
        await Assessment.ShippedFrameworks.EnsureAsync(db);

        // Decide before the bootstrap admin is added: the demo goes only into a database with no users and no areas,
        // so a real install restarted without SeedDemo=false never gains the demo's public accounts.
        var empty = !await db.Users.AnyAsync() && !await db.Areas.AnyAsync();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync(config["Phatthana:Admin:Email"], config["Phatthana:Admin:Password"]);
        if (empty && config.GetValue("Phatthana:SeedDemo", true))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            log.LogInformation("Demo area {Area} seeded in {Elapsed:0} ms", DemoSeeder.AreaCode, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Prints where the app listens and, when the demo area is there, how to sign in to it.</summary>
    public static void AnnounceOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var demo = db.Users.Any(u => u.Email == DemoSeeder.Accounts[0].Email);
            var lines = new List<string> { "", "พัฒนา (Phatthana) พร้อมใช้งาน — ready" };
            lines.AddRange(addresses.Select(a => $"  เปิด / open: {a}"));
            if (demo)
            {
                lines.Add($"  บัญชีสาธิต (demo sign-ins), รหัสผ่านทุกบัญชี / password for all: {DemoSeeder.Password}");
                lines.AddRange(DemoSeeder.Accounts.Select(a => $"    {a.Email,-34} {a.Role}"));
                lines.Add("  ปิดข้อมูลสาธิตด้วย Phatthana__SeedDemo=false บนฐานข้อมูลใหม่ / start empty with Phatthana__SeedDemo=false");
            }
            lines.Add("");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
