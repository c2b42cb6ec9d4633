using System.Diagnostics;
using OvopBot.Exports;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Exports;

/// <summary>
/// A real spreadsheet program opens the XLSX: LibreOffice (Debian's <c>libreoffice-calc-nogui</c>) converts it to CSV
/// headless, and every answer of a piped conversation is in what it read. CI installs LibreOffice and sets
/// <c>OVOP_REQUIRE_LIBREOFFICE=1</c>, so there it must run; on a machine without it the test says so and passes.
/// </summary>
public sealed class LibreOfficeTests
{
    [Fact]
    public async Task LibreOffice_opens_the_submissions_workbook_with_every_answer_of_a_piped_conversation()
    {
        if (Soffice() is not { } soffice)
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("OVOP_REQUIRE_LIBREOFFICE"));
            return;
        }

        using var bench = new ExportBench();
        await bench.ReplayAsync();
        var xlsx = bench.File("submissions.xlsx");
        bench.Exports.ExportToFile(ExportRequest.Of(ExportKind.Submissions, ExportFormat.Xlsx), xlsx);

        var csv = await ConvertToCsvAsync(soffice, xlsx, bench.Bot.TempPath);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("\"Nomor referensi\",\"Status\",\"Revisi\",\"Status pemeriksaan\"", lines[0], StringComparison.Ordinal);
        // LibreOffice quotes text and leaves numbers and dates bare: the quotes show which type each cell had.
        foreach (var expected in new[]
                 {
                     "\"OVOP-5301082006-1\"", "\"Nusa Tenggara Timur\"", "\"Kabupaten Kupang\"", "\"Kupang Tengah\"", "\"Oelnasi\"",
                     "\"Yohanes Nope\"", "\"+6281234567890\"", "\"Kopi Arabika\"", "\"Juni, Juli, Agustus\"", ",1500,", ",40,25,",
                     "\"Kemasan; Pemasaran; Modal\"", "\"Produksi / pengolahan; Pemasaran digital\"", ",20,\"2,500,000\",",
                     "\"Mesin sangrai dan kemasan\"", ",-10.1772,123.607,", ",2026-11-23 09:00:00,",
                 })
        {
            Assert.Contains(expected, lines[1], StringComparison.Ordinal);
        }
    }

    /// <summary>Converts the first sheet to UTF-8 CSV with a private LibreOffice profile (tests may run side by side).</summary>
    private static async Task<string> ConvertToCsvAsync(string soffice, string xlsx, string folder)
    {
        var output = Path.Combine(folder, "libreoffice-out");
        var profile = new Uri(Path.Combine(folder, "libreoffice-profile")).AbsoluteUri;
        var start = new ProcessStartInfo(soffice)
        {
            ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", output, xlsx },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var csv = Path.Combine(output, Path.GetFileNameWithoutExtension(xlsx) + ".csv");
        Assert.True(File.Exists(csv), $"LibreOffice exited {process.ExitCode} without a CSV: {await stderr}");
        return (await File.ReadAllTextAsync(csv)).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string? Soffice() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice"))
            .FirstOrDefault(File.Exists);
}
