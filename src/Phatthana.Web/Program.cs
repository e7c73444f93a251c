using Phatthana.Web.Data;
using Phatthana.Web.Features;
using Phatthana.Web.Features.Setup;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

// `backup <file>` / `restore <file> [--force]` run instead of the web app (README "Where data lives and how to back it up").
var command = DatabaseCommand.Parse(args);
var builder = WebApplication.CreateBuilder(HostArgs.WithoutConfigWatch(command?.HostArgs ?? args));
if (command is not null)
{
    Environment.ExitCode = await command.RunAsync(builder.Configuration, Console.Out, Console.Error);
    return;
}
builder.Logging.AddAppLogging(builder.Configuration);

builder.Services
    .AddAppData(builder.Configuration)
    .AddAppAuth()
    .AddAppWeb(builder.Configuration)
    .AddFeatures();

var app = builder.Build();

app.UseAppPipeline();
app.MapOperations();
app.MapFeatures();

await app.PrepareDatabaseAsync();
app.AnnounceOnStart();
app.Run();

/// <summary>Exposed for the test host.</summary>
public partial class Program;
