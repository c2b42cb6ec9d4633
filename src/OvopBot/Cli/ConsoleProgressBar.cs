using System.Diagnostics;
using System.Globalization;
using OvopBot.Exports;

namespace OvopBot.Cli;

/// <summary>
/// A one-line progress bar on standard error for long exports ("[#####-----] 52% 520,000/1,000,000 rows"), drawn at
/// most a few times a second. Only when standard error is a terminal: redirected, it would just fill a log.
/// </summary>
internal sealed class ConsoleProgressBar : IProgress<ExportProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch _sinceDrawn = Stopwatch.StartNew();
    private bool _drawn;

    private ConsoleProgressBar()
    {
    }

    public static ConsoleProgressBar? ForStandardError() => Console.IsErrorRedirected ? null : new ConsoleProgressBar();

    public void Report(ExportProgress value)
    {
        if (_drawn && _sinceDrawn.ElapsedMilliseconds < 200 && value.Rows < value.Total)
        {
            return;
        }

        _sinceDrawn.Restart();
        _drawn = true;
        var fraction = value.Total == 0 ? 1 : Math.Min(1, (double)value.Rows / value.Total);
        var filled = (int)(fraction * Width);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{value.Kind,-14} [{new string('#', filled)}{new string('-', Width - filled)}] {fraction,4:P0} {value.Rows:N0}/{value.Total:N0} rows   "));
    }

    /// <summary>Ends the bar's line so what follows starts on a fresh one.</summary>
    public void Done()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
            _drawn = false;
        }
    }

    public void Dispose() => Done();
}
