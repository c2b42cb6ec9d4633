using OvopBot.Channels.Sms;
using OvopBot.Flows.Loading;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Sms;

/// <summary>The sms: short forms of flow texts, and flows check reporting every SMS text over 3 parts as FILE:LINE.</summary>
public sealed class SmsFlowTextTests
{
    private static string Registration => File.ReadAllText(Path.Combine(RepoPaths.Flows, "ovop-registration.yaml"));

    private static FlowCatalog LoadWith(TempDirectory temp, string yaml)
    {
        File.WriteAllText(temp.File("ovop-registration.yaml"), yaml);
        return FlowCatalog.Load(temp.Path);
    }

    [Fact]
    public void The_repository_flows_fit_in_three_SMS_parts_everywhere()
    {
        var catalog = FlowCatalog.Load(RepoPaths.Flows);
        Assert.Empty(SmsFlowCheck.Check(catalog));
    }

    [Fact]
    public void SMS_reads_the_short_form_where_one_is_given_and_other_channels_the_full_text()
    {
        var catalog = FlowCatalog.Load(RepoPaths.Flows);
        var full = catalog["ovop-registration"].Node("photo").Text.Get("id");
        var sms = catalog.For("ovop-registration", SmsChannel.Name).Node("photo").Text.Get("id");
        Assert.Equal("Silakan kirim satu foto produk.", full);
        Assert.Contains("WhatsApp", sms, StringComparison.Ordinal);
        Assert.Equal(full, catalog.For("ovop-registration", "telegram").Node("photo").Text.Get("id"));
        // Texts without a short form read the same on SMS.
        Assert.Equal(catalog["ovop-registration"].Node("name").Text.Get("en"),
            catalog.For("ovop-registration", SmsChannel.Name).Node("name").Text.Get("en"));
    }

    [Fact]
    public void A_text_over_three_SMS_parts_is_reported_at_its_line_until_it_gets_a_short_sms_form()
    {
        using var temp = new TempDirectory();
        var longText = string.Join(" ", Enumerable.Repeat("Mohon Bapak/Ibu menuliskan nama lengkap sesuai KTP.", 12));
        var yaml = Registration.Replace("  expect_voice: { id: \"Mohon kirim pesan suara.\"",
            $"  expect_voice: {{ id: \"{longText}\"", StringComparison.Ordinal);
        var line = yaml[..yaml.IndexOf("  expect_voice:", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = Assert.Single(SmsFlowCheck.Check(LoadWith(temp, yaml)));
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"ovop-registration.yaml:{line}", error.ToString().Split('/')[^1], StringComparison.Ordinal);
        Assert.Matches(@"is [4-9] SMS parts", error.Message);

        var shortened = yaml.Replace($"  expect_voice: {{ id: \"{longText}\", en: \"Please send a voice note.\" }}",
            $"  expect_voice:\n    id: \"{longText}\"\n    en: \"Please send a voice note.\"\n    sms: {{ id: \"Kirim pesan suara lewat WhatsApp.\" }}",
            StringComparison.Ordinal);
        Assert.NotEqual(yaml, shortened);
        Assert.Empty(SmsFlowCheck.Check(LoadWith(temp, shortened)));
    }

    [Fact]
    public void A_short_form_in_a_language_the_flow_does_not_speak_is_a_flow_error()
    {
        using var temp = new TempDirectory();
        var yaml = Registration.Replace("sms: { id: \"Foto tidak bisa lewat SMS. Ketik LEWATI untuk lanjut.\"",
            "sms: { fr: \"Pas de photo par SMS.\"", StringComparison.Ordinal);
        File.WriteAllText(temp.File("ovop-registration.yaml"), yaml);
        var (_, errors) = FlowCatalog.TryLoad(temp.Path);
        Assert.Contains(errors, e => e.Message.Contains("language 'fr'", StringComparison.Ordinal));
    }
}
