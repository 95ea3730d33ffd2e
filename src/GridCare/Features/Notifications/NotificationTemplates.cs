using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace GridCare.Features.Notifications;

/// <summary>
/// The customer-facing texts per template key in <c>NotificationTemplates.resx</c> (English) and
/// <c>NotificationTemplates.zh-CN.resx</c>: <c>&lt;key&gt;.Subject</c> (email and push title) and <c>&lt;key&gt;.Text</c>
/// with <c>{name}</c> placeholders. Texts are rendered once per language at enqueue time and stored with the message,
/// so what the customer received stays visible even after a template changes.
/// </summary>
public sealed partial class NotificationTemplates
{
    public const string OutagePlanned = "outage.planned";
    public const string OutageReminder = "outage.reminder";
    public const string OutageRestored = "outage.restored";
    public const string OutageDetected = "outage.detected";
    public const string OutageEtrChanged = "outage.etr-changed";
    public const string OutageCancelled = "outage.cancelled";
    public const string WorkOrderRevisit = "workorder.revisit";
    public const string WorkOrderEscalated = "workorder.escalated";

    /// <summary>A targeted campaign: the analyst's own <c>{subject}</c> and <c>{text}</c>, with how to opt out.</summary>
    public const string CampaignMessage = "campaign.message";

    /// <summary>A survey invitation: <c>{title}</c>, the customer's signed <c>{link}</c> and when it <c>{expires}</c>.</summary>
    public const string SurveyInvitation = "survey.invitation";

    public static readonly IReadOnlyList<string> Keys =
        [OutagePlanned, OutageReminder, OutageRestored, OutageDetected, OutageEtrChanged, OutageCancelled, WorkOrderRevisit, WorkOrderEscalated, CampaignMessage, SurveyInvitation];

    public static readonly IReadOnlyList<string> Languages = [NotificationPreference.DefaultLanguage, "en"];

    private static readonly ResourceManager Resources = new(typeof(NotificationTemplates));

    /// <summary>The language a text is rendered in: the customer's when there are templates in it, Chinese otherwise.</summary>
    public static string LanguageOf(string? language) =>
        language is not null && Languages.Contains(language) ? language : NotificationPreference.DefaultLanguage;

    /// <summary>The template in <paramref name="language"/>, its placeholders filled, signed with <paramref name="sender"/> for SMS.</summary>
    /// <exception cref="ArgumentException">An unknown template, or a placeholder without a value: a bug in the caller.</exception>
    public static RenderedMessage Render(string template, string language, IReadOnlyDictionary<string, string> values, string sender)
    {
        ArgumentNullException.ThrowIfNull(values);
        var culture = CultureInfo.GetCultureInfo(LanguageOf(language));
        var subject = Resources.GetString(template + ".Subject", culture);
        var text = Resources.GetString(template + ".Text", culture);
        if (subject is null || text is null)
        {
            throw new ArgumentException($"No notification template '{template}'.", nameof(template));
        }

        var filled = Fill(text, values, template);
        var signed = Fill(Resources.GetString("Signature", culture)!, new Dictionary<string, string> { ["sender"] = sender, ["text"] = filled }, "Signature");
        return new RenderedMessage(culture.Name, Fill(subject, values, template), filled, signed);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, string template) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new ArgumentException($"Template '{template}' needs the value '{match.Groups[1].Value}'.", nameof(values)));

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <param name="Language">The culture name the text is in.</param>
/// <param name="Subject">Title of an email or push message.</param>
/// <param name="Text">The body for push and email.</param>
/// <param name="SignedText">The SMS: the body with the sender's signature 【…】.</param>
public sealed record RenderedMessage(string Language, string Subject, string Text, string SignedText);
