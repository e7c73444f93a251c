using System.Globalization;
using Phatthana.Bench;
using Phatthana.Bench.Manpower;
using Phatthana.Bench.Personnel;
using Phatthana.Bench.Reporting;
using Phatthana.Bench.Scale;
using Phatthana.Bench.Training;

// Timed scenarios (not tests): each runs in its own process so its peak memory is its own.
//   dotnet run -c Release --project bench/Phatthana.Bench -- reporting   → the reporting kit; rewrites its section of docs/benchmarks.md
//   dotnet run -c Release --project bench/Phatthana.Bench -- personnel   → import and person list at scale, SQLite and PostgreSQL; rewrites its section
//   dotnet run -c Release --project bench/Phatthana.Bench -- personnel import postgres   → a subset, printed only
//   dotnet run -c Release --project bench/Phatthana.Bench -- manpower    → the manpower analysis on a national PostgreSQL set; rewrites its section
//   dotnet run -c Release --project bench/Phatthana.Bench -- manpower nohttp   → without the HTTP endpoint, printed only
//   dotnet run -c Release --project bench/Phatthana.Bench -- registrations → 500 simultaneous registrations for a 100-seat session through the app; rewrites its section
//   dotnet run -c Release --project bench/Phatthana.Bench -- certificates   → 1,000 training certificates as one PDF and a ZIP; rewrites its section
//   dotnet run -c Release --project bench/Phatthana.Bench -- certificates print   → the same, printed only
//   dotnet run -c Release --project bench/Phatthana.Bench -- scale [--quick] → issue 12: generated area/region/national data, scenarios vs raw SQL, HTTP load (bench/run.sh)
//   dotnet run -c Release --project bench/Phatthana.Bench -- one <name>  → one reporting scenario, prints one result line
// PostgreSQL: PHATTHANA_BENCH_POSTGRES (default Host=127.0.0.1;Port=55999;Username=postgres); each scenario makes and drops its own database.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (Harness.IsChild)
    return args switch
    {
        ["one", var name] => ReportingBench.RunOne(name),
        ["personnel-child", .. var rest] => await PersonnelBench.RunChildAsync(rest),
        ["manpower-child", .. var rest] => await ManpowerBench.RunChildAsync(rest),
        ["certificates-child", .. var rest] => CertificatesBench.RunChild(rest),
        ["scale-child", .. var rest] => await ScaleBench.RunChildAsync(rest),
        _ => 2, // never fan out from a child
    };

return args switch
{
    ["reporting"] => ReportingBench.RunAll(),
    ["personnel", .. var rest] => await PersonnelBench.RunAsync(rest),
    ["manpower", .. var rest] => await ManpowerBench.RunAsync(rest),
    ["registrations"] => await Phatthana.Bench.Training.RegistrationBench.RunAsync(),
    ["certificates", .. var rest] => CertificatesBench.Run(rest),
    ["scale", .. var rest] => await ScaleBench.RunAsync(rest),
    ["one", var name] => ReportingBench.RunOne(name),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: -- reporting | -- personnel [import|list] [sqlite|postgres] | -- manpower [nohttp] | -- registrations | -- certificates [print] | -- scale [--quick] [--write] [sqlite|postgres] [area|region|national] [--seconds N] | -- one <scenario>");
    return 2;
}
