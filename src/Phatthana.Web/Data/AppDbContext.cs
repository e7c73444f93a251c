using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Audit;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Data;

/// <summary>
/// The one database context. Provider-specific subclasses (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) exist only so each provider keeps its own migration set.
/// Every area-owned entity carries a query filter built from <see cref="UserScope"/>: a caller sees
/// rows of the areas (and, for school-level roles, the school) they are granted, and nothing else.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, UserScope scope)
    : IdentityUserContext<AppUser>(options), IDataProtectionKeyContext
{
    public UserScope Scope { get; } = scope;

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaLogo> AreaLogos => Set<AreaLogo>();
    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<SchoolNetwork> SchoolNetworks => Set<SchoolNetwork>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Features.Organisation.Networks.NetworkMembership> NetworkMemberships => Set<Features.Organisation.Networks.NetworkMembership>();
    public DbSet<Features.Organisation.Networks.NetworkRole> NetworkRoles => Set<Features.Organisation.Networks.NetworkRole>();
    public DbSet<Features.Organisation.Networks.NetworkGoal> NetworkGoals => Set<Features.Organisation.Networks.NetworkGoal>();
    public DbSet<Features.Organisation.Networks.AcademicCentre> AcademicCentres => Set<Features.Organisation.Networks.AcademicCentre>();
    public DbSet<Features.Organisation.Networks.NetworkSupervisor> NetworkSupervisors => Set<Features.Organisation.Networks.NetworkSupervisor>();
    public DbSet<Features.Organisation.Networks.NetworkMeeting> NetworkMeetings => Set<Features.Organisation.Networks.NetworkMeeting>();
    public DbSet<Features.Organisation.Networks.MeetingAttendance> MeetingAttendance => Set<Features.Organisation.Networks.MeetingAttendance>();
    public DbSet<Features.Onet.OnetScore> OnetScores => Set<Features.Onet.OnetScore>();
    public DbSet<StudentCount> StudentCounts => Set<StudentCount>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonHistory> PersonHistory => Set<PersonHistory>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Features.Manpower.StaffingRuleSet> StaffingRuleSets => Set<Features.Manpower.StaffingRuleSet>();
    public DbSet<Features.Manpower.SubjectNeed> SubjectNeeds => Set<Features.Manpower.SubjectNeed>();
    public DbSet<Features.Training.Course> Courses => Set<Features.Training.Course>();
    public DbSet<Features.Training.TrainingSession> TrainingSessions => Set<Features.Training.TrainingSession>();
    public DbSet<Features.Training.Registration> Registrations => Set<Features.Training.Registration>();
    public DbSet<Features.Training.ExternalCompletion> ExternalCompletions => Set<Features.Training.ExternalCompletion>();
    public DbSet<Features.Training.TrainingSettings> TrainingSettings => Set<Features.Training.TrainingSettings>();
    public DbSet<Features.Imports.ImportJob> ImportJobs => Set<Features.Imports.ImportJob>();
    public DbSet<Features.Assessment.Framework> Frameworks => Set<Features.Assessment.Framework>();
    public DbSet<Features.Assessment.AssessmentRound> AssessmentRounds => Set<Features.Assessment.AssessmentRound>();
    public DbSet<Features.Assessment.RoundIndicator> RoundIndicators => Set<Features.Assessment.RoundIndicator>();
    public DbSet<Features.Assessment.ItemEntry> ItemEntries => Set<Features.Assessment.ItemEntry>();
    public DbSet<Features.Assessment.Evidence> Evidence => Set<Features.Assessment.Evidence>();
    public DbSet<Features.Assessment.ItemEvidence> ItemEvidence => Set<Features.Assessment.ItemEvidence>();
    public DbSet<Features.Development.Competency> Competencies => Set<Features.Development.Competency>();
    public DbSet<Features.Development.DevelopmentTopic> DevelopmentTopics => Set<Features.Development.DevelopmentTopic>();
    public DbSet<Features.Development.IdPlan> IdPlans => Set<Features.Development.IdPlan>();
    public DbSet<Features.Development.IdPlanCompetency> IdPlanCompetencies => Set<Features.Development.IdPlanCompetency>();
    public DbSet<Features.Development.IdPlanNeed> IdPlanNeeds => Set<Features.Development.IdPlanNeed>();
    public DbSet<Features.Development.NeedsSurvey> NeedsSurveys => Set<Features.Development.NeedsSurvey>();
    public DbSet<Features.Development.NeedResponse> NeedResponses => Set<Features.Development.NeedResponse>();
    public DbSet<Features.Plans.DevelopmentPlan> DevelopmentPlans => Set<Features.Plans.DevelopmentPlan>();
    public DbSet<Features.Plans.PlanStrategy> PlanStrategies => Set<Features.Plans.PlanStrategy>();
    public DbSet<Features.Plans.PlanProject> PlanProjects => Set<Features.Plans.PlanProject>();
    public DbSet<Features.Plans.ProjectActivity> ProjectActivities => Set<Features.Plans.ProjectActivity>();
    public DbSet<Features.Plans.ProjectCourse> ProjectCourses => Set<Features.Plans.ProjectCourse>();
    public DbSet<Features.Plans.Kpi> Kpis => Set<Features.Plans.Kpi>();
    public DbSet<Features.Plans.KpiTarget> KpiTargets => Set<Features.Plans.KpiTarget>();
    public DbSet<Features.Plans.KpiActual> KpiActuals => Set<Features.Plans.KpiActual>();
    public DbSet<Features.Plans.Disbursement> Disbursements => Set<Features.Plans.Disbursement>();
    public DbSet<Features.Plans.DisbursementTarget> DisbursementTargets => Set<Features.Plans.DisbursementTarget>();
    public DbSet<Features.Plans.AlignmentTag> AlignmentTags => Set<Features.Plans.AlignmentTag>();
    public DbSet<Features.Recognition.AwardProgramme> AwardProgrammes => Set<Features.Recognition.AwardProgramme>();
    public DbSet<Features.Recognition.AwardCriterion> AwardCriteria => Set<Features.Recognition.AwardCriterion>();
    public DbSet<Features.Recognition.AwardCommitteeMember> AwardCommitteeMembers => Set<Features.Recognition.AwardCommitteeMember>();
    public DbSet<Features.Recognition.AwardSelection> AwardSelections => Set<Features.Recognition.AwardSelection>();
    public DbSet<Features.Recognition.Nomination> Nominations => Set<Features.Recognition.Nomination>();
    public DbSet<Features.Recognition.NominationEvidence> NominationEvidence => Set<Features.Recognition.NominationEvidence>();
    public DbSet<Features.Recognition.AwardScore> AwardScores => Set<Features.Recognition.AwardScore>();
    public DbSet<Features.Supervision.SupervisionVisit> SupervisionVisits => Set<Features.Supervision.SupervisionVisit>();
    public DbSet<Features.Notifications.NotificationEvent> NotificationEvents => Set<Features.Notifications.NotificationEvent>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Notifications.OutboxMail> OutboxMails => Set<Features.Notifications.OutboxMail>();
    public DbSet<UserAreaGrant> UserAreaGrants => Set<UserAreaGrant>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Read by the query filters; EF evaluates them per query against this context instance.
    internal bool ScopeAllAreas => Scope.AllAreas;
    internal Guid[] ScopeAreaIds => [.. Scope.AreaIds];
    internal Guid? ScopeSchoolId => Scope.SchoolId;
    internal string? ScopeOnlyNationalId => Scope.OnlyNationalId;
    internal string? ScopeUserId => Scope.UserId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        StoreEnumsAsText(builder);
        MarkConcurrencyTokens(builder);
        ApplyScopeFilters(builder);
    }

    private static void StoreEnumsAsText(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (!type.IsEnum) continue;
            property.SetProviderClrType(typeof(string));
            property.SetMaxLength(40);
        }
    }

    private static void MarkConcurrencyTokens(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    private void ApplyScopeFilters(ModelBuilder builder)
    {
        builder.Entity<Area>().HasQueryFilter(a => ScopeAllAreas || ScopeAreaIds.Contains(a.Id));
        builder.Entity<AuditEntry>().HasQueryFilter(e => ScopeAllAreas || (e.AreaId != null && ScopeAreaIds.Contains(e.AreaId.Value)));
        // An inbox is its owner's: a user reads their own notifications; the system (reminders, the digest) reads all.
        builder.Entity<Features.Notifications.Notification>().HasQueryFilter(n => (ScopeAllAreas && ScopeUserId == null) || n.UserId == ScopeUserId);
        builder.Entity<School>().HasQueryFilter(s =>
            (ScopeAllAreas || ScopeAreaIds.Contains(s.AreaId)) && (ScopeSchoolId == null || s.Id == ScopeSchoolId));
        // A teacher's scope narrows the registry to their own record.
        builder.Entity<Person>().HasQueryFilter(p =>
            (ScopeAllAreas || ScopeAreaIds.Contains(p.AreaId)) && (ScopeSchoolId == null || p.SchoolId == ScopeSchoolId) &&
            (ScopeOnlyNationalId == null || p.NationalId == ScopeOnlyNationalId));

        var generic = typeof(AppDbContext).GetMethod(nameof(AreaFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).Distinct())
        {
            if (type == typeof(School) || type == typeof(Person) || !typeof(IAreaOwned).IsAssignableFrom(type)) continue;
            var filter = (LambdaExpression)generic.MakeGenericMethod(type).Invoke(this, null)!;
            builder.Entity(type).HasQueryFilter(filter);
        }
    }

    private Expression<Func<T, bool>> AreaFilter<T>() where T : IAreaOwned
    {
        // A person's own rows (ID plans, survey answers) are seen exactly when their person is: the registry's filter decides.
        if (typeof(Features.Development.IPersonOwned).IsAssignableFrom(typeof(T)))
        {
            Expression<Func<Features.Development.IPersonOwned, bool>> byPerson = e =>
                (ScopeAllAreas || ScopeAreaIds.Contains(e.AreaId)) && (ScopeSchoolId == null || e.SchoolId == ScopeSchoolId) &&
                (ScopeOnlyNationalId == null || People.Any(p => p.Id == e.PersonId));
            return Retype<T>(byPerson);
        }
        if (typeof(ISchoolOwned).IsAssignableFrom(typeof(T)))
        {
            Expression<Func<ISchoolOwned, bool>> bySchool = e =>
                (ScopeAllAreas || ScopeAreaIds.Contains(e.AreaId)) && (ScopeSchoolId == null || e.SchoolId == ScopeSchoolId);
            return Retype<T>(bySchool);
        }
        if (typeof(IOptionalSchoolOwned).IsAssignableFrom(typeof(T)))
        {
            Expression<Func<IOptionalSchoolOwned, bool>> byOptionalSchool = e =>
                (ScopeAllAreas || ScopeAreaIds.Contains(e.AreaId)) && (ScopeSchoolId == null || e.SchoolId == ScopeSchoolId);
            return Retype<T>(byOptionalSchool);
        }
        Expression<Func<IAreaOwned, bool>> byArea = e => ScopeAllAreas || ScopeAreaIds.Contains(e.AreaId);
        return Retype<T>(byArea);
    }

    /// <summary>Rewrites a filter written against an interface so it takes the concrete entity type.</summary>
    private static Expression<Func<T, bool>> Retype<T>(LambdaExpression filter)
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        var body = new ParameterRetyper(filter.Parameters[0], parameter).Visit(filter.Body);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class ParameterRetyper(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == from)
                return Expression.Property(to, node.Member.Name);
            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, UserScope scope)
    : AppDbContext(options, scope)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no timestamp type that orders and compares; store instants as sortable integers.
        builder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, UserScope scope)
    : AppDbContext(options, scope);
