using System.Security.Cryptography;
using System.Text;
using Dapper;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Storage;

namespace OvopBot.Privacy;

/// <summary>Consent as given: yes or no, when, to which version of the consent text, on which channel (table <c>consents</c>).</summary>
public static class ConsentRecord
{
    /// <summary>
    /// "ovop-registration v1 #3fa2b1c4": the flow and a fingerprint of the consent question's text in the language it
    /// was read in, so a reworded consent text is a new version without anyone having to remember to bump a number.
    /// </summary>
    public static string Version(FlowDefinition flow, string language)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var node = flow.Nodes.FirstOrDefault(n => n.Save == FlowEngine.ConsentField);
        var text = node?.Text.Get(language) ?? "";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
        return FormattableString.Invariant($"{flow.Id} v{flow.Version} {language} #{hash}");
    }

    public static void Add(WriteTransaction write, long contactId, bool given, string version, string channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.Connection.Execute(
            "INSERT INTO consents (contact_id, given, text_version, channel, at) VALUES (@contactId, @given, @version, @channel, @now)",
            new { contactId, given = given ? 1 : 0, version, channel, now = DbTime.Write(now) }, write.Transaction);
    }
}
