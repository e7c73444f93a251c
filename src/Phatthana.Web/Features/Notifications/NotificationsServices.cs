namespace Phatthana.Web.Features.Notifications;

public static class NotificationsServices
{
    /// <summary>The inbox, the outbox and its SMTP worker, the reminders' scheduler and the digest.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration("Phatthana:Mail");
        services.AddOptions<ReminderOptions>().BindConfiguration("Phatthana:Notifications");
        services.AddSingleton<NotificationTemplates>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSender>();
        services.AddScoped<Notifier>();
        services.AddScoped<Inbox>();
        services.AddScoped<OutboxAdmin>();
        services.AddScoped<Reminders>();
        services.AddScoped<DigestMailer>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }
}
