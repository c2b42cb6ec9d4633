using System.Text.RegularExpressions;
using OvopBot.Tests.TestSupport;
using OvopBot.Web;

namespace OvopBot.Tests.Web;

/// <summary>The dashboard's words: every key the pages name exists in flows/web/dashboard.yaml, in Indonesian and English.</summary>
public sealed partial class WebTextsTests
{
    [Fact]
    public void Every_text_the_pages_name_is_in_both_languages()
    {
        var texts = WebTexts.Load(RepoPaths.Flows);
        var keys = texts.Keys.ToHashSet(StringComparer.Ordinal);
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "OvopBot", "Web"), "*.cs").Select(File.ReadAllText);
        var named = sources.SelectMany(s => KeyPattern().Matches(s).Select(m => m.Groups[1].Value)).Where(k => !k.EndsWith('_')).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(named);
        Assert.All(named, k => Assert.Contains(k, keys));
        foreach (var key in keys)
        {
            Assert.True(texts.Has(key, "id") && texts.Has(key, "en"), $"{key} needs id and en");
        }

        // Keys built from a value: every value the pages can produce.
        foreach (var key in new[] { "status_submitted", "status_draft", "fate_pending", "fate_sent", "fate_delivered", "fate_read", "fate_failed", "fate_held",
            "fate_cancelled", "target_all", "target_unfinished", "target_finished", "target_not-started", "broadcast_status_draft", "broadcast_status_queued",
            "broadcast_status_enqueuing", "broadcast_status_done", "broadcast_status_cancelled", "role_admin", "role_facilitator", "sort_village",
            "sort_updated", "sort_product", "sort_reference", "export_kind_submissions", "export_kind_requests", "export_kind_conversations", "export_kind_contacts" })
        {
            Assert.Contains(key, keys);
        }
    }

    [GeneratedRegex(@"(?:\bT|\bTE|Get)\(""([a-z_-]+)""")]
    private static partial Regex KeyPattern();
}
