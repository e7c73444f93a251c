using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Features.Audit;
using Phatthana.Web.Features.DataQuality;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Plans;
using Phatthana.Web.Features.Development.Surveys;
using Phatthana.Web.Features.Imports;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Notifications;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Features.Recognition;
using Phatthana.Web.Features.Supervision;
using Phatthana.Web.Features.Manpower.RuleSets;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Features.Personnel.Posts;
using Phatthana.Web.Features.Organisation.Areas;
using Phatthana.Web.Features.Organisation.Lookups;
using Phatthana.Web.Features.Organisation.Networks;
using Phatthana.Web.Features.Organisation.Reports;
using Phatthana.Web.Features.Organisation.Schools;
using Phatthana.Web.Features.Organisation.StudentCounts;
using Phatthana.Web.Features.Shell;
using Phatthana.Web.Shared.Auth;

using Phatthana.Web.Features.Onet;

namespace Phatthana.Web.Features;

/// <summary>Each feature's services and endpoints, wired in one place so Program.cs stays a table of contents.</summary>
public static class FeatureExtensions
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<ShellContext>();
        services.AddScoped<SaveArea>();
        services.AddScoped<SaveSchool>();
        services.AddScoped<Organisation.Areas.SaveAreaLogo>();
        services.AddScoped<SaveNetwork>();
        services.AddScoped<NetworkMemberships>();
        services.AddScoped<NetworkParts>();
        services.AddScoped<NetworkView>();
        services.AddScoped<Onet.OnetAnalysis>();
        services.AddScoped(typeof(SaveNamedItem<>));
        services.AddScoped<SaveStudentCounts>();
        services.AddScoped<SaveUser>();
        services.AddScoped<NationalIdDisclosure>();
        services.AddScoped<SavePerson>();
        services.AddScoped<SavePost>();
        services.AddScoped<DataQualityChecks>();
        services.AddScoped<Manpower.SaveSubjectNeeds>();
        services.AddScoped<Training.SaveCourse>();
        services.AddScoped<Training.Registrations>();
        services.AddSingleton<Training.RegistrationBatches>();
        services.AddScoped<Training.ResultsImport>();
        services.AddScoped<Training.Certificates>();
        services.AddScoped<SaveStaffingRuleSet>();
        services.AddScoped<Assessment.SaveFramework>();
        services.AddScoped<Assessment.Rounds>();
        services.AddSingleton<Assessment.EvidenceStorage>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<Retention>();
        services.AddScoped<Assessment.EvidenceStore>();
        // The reports a round may link as evidence; each freezes its figures when the round is submitted.
        services.AddScoped<Assessment.IEvidenceSnapshotter, Assessment.TrainingSummaryEvidence>();
        services.AddScoped<Assessment.IEvidenceSnapshotter, Assessment.ManpowerEvidence>();
        services.AddScoped<Assessment.IEvidenceSnapshotter, Assessment.DataQualityEvidence>();
        services.AddScoped<Assessment.IEvidenceSnapshotter, Assessment.PlanProgressEvidence>();
        services.AddScoped<Development.IdPlans>();
        services.AddScoped<Plans.SavePlan>();
        services.AddScoped<Plans.SaveProject>();
        services.AddScoped<Plans.SaveKpi>();
        services.AddScoped<Plans.PlanView>();
        services.AddScoped<Plans.PdcaView>();
        services.AddScoped<Plans.KpiMetrics>();
        // The live measures a KPI may be bound to.
        services.AddScoped<Plans.IKpiMetric, Plans.TepeAssistantsMetric>();
        services.AddScoped<Plans.IKpiMetric, Plans.HoursMetMetric>();
        services.AddScoped<Plans.IKpiMetric, Plans.DevelopedMetric>();
        services.AddScoped<Plans.IKpiMetric, Plans.ProjectPassRateMetric>();
        services.AddScoped<Plans.IKpiMetric, Plans.PlcHoursMetric>();
        services.AddScoped<Plans.BudgetView>();
        services.AddScoped<Plans.SaveBudget>();
        services.AddScoped<Plans.IKpiMetric, Plans.IdPlansSubmittedMetric>();
        services.AddScoped<Plans.IKpiMetric, Plans.IdPlansApprovedMetric>();
        services.AddScoped<Development.SaveCompetency>();
        services.AddScoped<Development.SaveTopic>();
        services.AddScoped<Development.Surveys.SaveNeedsSurvey>();
        services.AddScoped<Development.Surveys.SurveyAnswers>();
        services.AddScoped<Development.NeedCourses>();
        services.AddScoped<Recognition.SaveProgramme>();
        services.AddScoped<Recognition.SaveSelection>();
        services.AddScoped<Recognition.Standings>();
        services.AddScoped<Recognition.Nominations>();
        services.AddScoped<Recognition.ScoreNomination>();
        services.AddScoped<Supervision.SaveVisit>();
        services.AddScoped<Supervision.SupervisionLookups>();
        services.AddScoped<Importer, SchoolsImporter>();
        services.AddScoped<Importer, PeopleImporter>();
        services.AddScoped<Importer, PostsImporter>();
        services.AddScoped<Importer, StudentCountsImporter>();
        services.AddScoped<Importer, ExternalCompletionsImporter>();
        services.AddScoped<Importer, Onet.OnetImporter>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportJobs>();
        services.AddSingleton<ImportSignal>();
        services.AddSingleton<ImportProgressBoard>();
        services.AddHostedService<ImportWorker>();
        // One form adds and edits a post (and a needs survey); adding has its own address.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Personnel/Posts/PostForm", "/schools/{schoolCode}/posts/new");
            o.Conventions.AddPageRoute("/Development/Surveys/SurveyForm", "/areas/{areaCode}/development/surveys/new");
            o.Conventions.AddPageRoute("/Recognition/Pages/ProgrammeForm", "/areas/{areaCode}/awards/new");
            o.Conventions.AddPageRoute("/Supervision/Pages/VisitForm", "/areas/{areaCode}/supervision/new");
        });
        services.AddNotifications();
        services.AddScoped<Setup.AdminBootstrap>();
        services.AddScoped<Setup.DemoSeeder>();
        services.AddScoped<Setup.DemoAssessment>();
        services.AddScoped<Setup.DemoDevelopment>();
        services.AddScoped<Setup.DemoRecognition>();
        services.AddScoped<Setup.DemoPlans>();
        services.AddScoped<Setup.DemoSupervision>();
        return services;
    }

    /// <summary>The public API under /api/v1 (listed in /openapi/v1.json) and the Razor pages.</summary>
    public static WebApplication MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAccountsApi()
            .MapAreasApi()
            .MapSchoolsApi()
            .MapStudentCountsApi()
            .MapNetworksApi()
            .MapNetworkPartsApi()
            .MapOnetApi()
            .MapLookupsApi()
            .MapReportsApi()
            .MapPeopleApi()
            .MapPostsApi()
            .MapImportsApi()
            .MapDataQualityApi()
            .MapManpowerApi()
            .MapTrainingApi()
            .MapCertificatesApi()
            .MapAssessmentApi()
            .MapEvidenceApi()
            .MapIdPlansApi()
            .MapCatalogueApi()
            .MapPlansApi()
            .MapPdcaApi()
            .MapNeedsSurveysApi()
            .MapDevelopmentAnalysesApi()
            .MapNeedCoursesApi()
            .MapBudgetApi()
            .MapStaffingRuleSetsApi()
            .MapRecognitionApi()
            .MapSupervisionApi()
            .MapNotificationsApi()
            .MapAuditApi();
        Retention.MapRetentionApi(api);
        app.MapRazorPages();
        return app;
    }
}
