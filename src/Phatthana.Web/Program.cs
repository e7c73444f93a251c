using Phatthana.Web.Data;
using Phatthana.Web.Features;
using Phatthana.Web.Features.Setup;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

var builder = WebApplication.CreateBuilder(HostArgs.WithoutConfigWatch(args));
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
