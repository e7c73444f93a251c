using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Phatthana.Web.Data;
using Phatthana.Web.Features;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Bench.Personnel;

/// <summary>
/// The app's services as Program.cs wires them (data, auth, web, features), in a generic host that is built but never
/// started: no web server, and the import worker (a hosted service) never runs. Work happens in scopes that run as
/// the system, like start-up and background jobs.
/// </summary>
public static class AppServices
{
    public static IHost Build(DatabaseProvider provider, string connectionString, SqlRecorder? recorder = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = HostArgs.WithoutConfigWatch([]) });
        // Set both keys, so a ConnectionStrings__Postgres in the environment cannot switch the provider.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = provider == DatabaseProvider.Sqlite ? connectionString : "",
            ["ConnectionStrings:Postgres"] = provider == DatabaseProvider.Postgres ? connectionString : "",
            ["Phatthana:SeedDemo"] = "false",
        });
        // As appsettings.json: EF Core at Warning (no per-command log lines).
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // EF logs the failed look-up of the migrations history table of a new, empty database as an error.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.Services
            .AddAppData(builder.Configuration)
            .AddAppAuth()
            .AddAppWeb(builder.Configuration)
            .AddFeatures();
        recorder?.AddTo(builder.Services, provider);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>A DI scope running as the system (all areas), with its database context.</summary>
    public static AsyncServiceScope SystemScope(this IHost host, out AppDbContext db)
    {
        var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }
}
