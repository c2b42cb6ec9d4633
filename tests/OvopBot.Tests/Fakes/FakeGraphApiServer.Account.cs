using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Tests.Fakes;

/// <summary>
/// What <c>doctor</c> asks of the Graph API: the business phone number (<c>GET /{phone-number-id}</c>) and the
/// WhatsApp Business Account's templates (<c>GET /{waba-id}/message_templates?name=…</c>, Meta's shape: a
/// <c>data</c> array of name, language, status, id). Approved templates are <see cref="ApprovedTemplates"/>; others
/// (PENDING, REJECTED…) are set in <see cref="TemplateStatuses"/>.
/// </summary>
public sealed partial class FakeGraphApiServer
{
    public const string BusinessAccountId = "102290129340398";
    public const string DisplayPhoneNumber = "+62 812-0000-0001";

    /// <summary>The language every template of the fake is approved in.</summary>
    public string TemplateLanguage { get; set; } = "id";

    /// <summary>Templates that exist but are not approved, with their status.</summary>
    public ConcurrentDictionary<string, string> TemplateStatuses { get; } = new(StringComparer.Ordinal);

    private IResult PhoneNumberInfo() => Results.Json(new
    {
        verified_name = "OVOP NTT",
        display_phone_number = DisplayPhoneNumber,
        quality_rating = "GREEN",
        id = PhoneNumberId,
    });

    private IResult ListTemplates(string accountId, string? name)
    {
        if (accountId != BusinessAccountId)
        {
            return Error(400, 100, $"Unsupported get request. Object with ID '{accountId}' does not exist");
        }

        var templates = ApprovedTemplates.Select(t => (Name: t, Status: "APPROVED"))
            .Concat(TemplateStatuses.Select(t => (Name: t.Key, Status: t.Value)))
            .Where(t => string.IsNullOrEmpty(name) || t.Name.Contains(name, StringComparison.Ordinal))
            .Select((t, i) => new { name = t.Name, language = TemplateLanguage, status = t.Status, category = "UTILITY", id = (900000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return Results.Json(new { data = templates.ToList(), paging = new { cursors = new { before = "", after = "" } } });
    }
}
