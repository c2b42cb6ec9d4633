using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Exports;

/// <summary>
/// Exports submissions, support requests, conversations and contacts as CSV, XLSX or JSON Lines, streamed from the
/// database. Used by the <c>export</c> command and meant for the chat's admin export: give it a kind, a region and a
/// path, get the file and its row counts back. Files are written under a temporary name and renamed when complete,
/// so a partial file never looks finished.
/// </summary>
public sealed class ExportService
{
    private const int ProgressEvery = 4096;

    private readonly SqliteDatabase _database;
    private readonly FlowCatalog _flows;
    private readonly FlowEngine _engine;
    private readonly string _flowId;
    private readonly string _mediaRoot;
    private readonly RegionNames _regions;

    public ExportService(SqliteDatabase database, FlowCatalog flows, FlowEngine engine, IOptions<ConversationOptions> conversations,
        IOptions<StorageOptions> storage, RegionCatalog? regions)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(storage);
        _database = database;
        _flows = flows;
        _engine = engine;
        _flowId = conversations.Value.Flow;
        _mediaRoot = Path.GetFullPath(storage.Value.MediaPath);
        _regions = new RegionNames(regions);
    }

    /// <summary>The chat's seam: one kind as an XLSX workbook for a region (null: everywhere), headers in the language.</summary>
    public Task<ExportResult> ExportToFileAsync(ExportKind kind, string? regionCode, string path, string language, CancellationToken cancellationToken,
        bool maskPhones = false) =>
        Task.Run(() => ExportToFile(ExportRequest.Of(kind, ExportFormat.Xlsx, new ExportFilter(regionCode), language) with { MaskPhones = maskPhones },
            path, null, cancellationToken), cancellationToken);

    /// <summary>Writes the export to <paramref name="path"/> through a temporary file in the same folder, renamed at the end.</summary>
    public ExportResult ExportToFile(ExportRequest request, string path, IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            IReadOnlyDictionary<ExportKind, long> rows;
            long bytes;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                rows = Write(request, stream, progress, cancellationToken);
                stream.Flush(flushToDisk: true);
                bytes = stream.Length;
            }

            File.Move(temporary, target, overwrite: true);
            return new ExportResult(rows, target, bytes);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes a CSV or JSONL export to a stream (standard output, say); XLSX needs a file.</summary>
    public ExportResult ExportToStream(ExportRequest request, Stream output, IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Format == ExportFormat.Xlsx)
        {
            throw new ArgumentException("XLSX is written to a file, not a stream.", nameof(request));
        }

        return new ExportResult(Write(request, output, progress, cancellationToken), null, 0);
    }

    private Dictionary<ExportKind, long> Write(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new ExportContext(_flows[_flowId], _engine, request.Language, request.Filter, _regions, _mediaRoot);
        using var writer = CreateWriter(request.Format, output);
        if (request.Kinds.Count != 1 && !writer.SupportsManyTables)
        {
            throw new ArgumentException($"{request.Format} holds one kind; only XLSX takes several.", nameof(request));
        }

        using var connection = _database.Open();
        // One read transaction: every sheet sees the same snapshot while the service keeps writing (WAL).
        using var transaction = connection.BeginTransaction(deferred: true);
        var counts = new Dictionary<ExportKind, long>();
        foreach (var kind in request.Kinds)
        {
            var table = CreateTable(kind, context);
            var total = progress is null ? 0 : table.Count(connection);
            writer.BeginTable(ExportHeaders.Get("sheet_" + kind, request.Language), table.Columns);
            long written = 0;
            var phones = request.MaskPhones ? table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Type == ColumnType.Phone).Select(x => x.i).ToArray() : [];
            foreach (var row in table.Rows(connection, cancellationToken))
            {
                foreach (var i in phones)
                {
                    row[i] = PhoneMask.Mask(row[i] as string);
                }

                writer.WriteRow(row);
                if (++written % ProgressEvery == 0)
                {
                    progress?.Report(new ExportProgress(kind, written, Math.Max(total, written)));
                }
            }

            writer.EndTable();
            progress?.Report(new ExportProgress(kind, written, written));
            counts[kind] = written;
        }

        writer.Complete();
        return counts;
    }

    private static IExportWriter CreateWriter(ExportFormat format, Stream output) => format switch
    {
        ExportFormat.Csv => new CsvExportWriter(output),
        ExportFormat.Jsonl => new JsonlExportWriter(output),
        ExportFormat.Xlsx => new XlsxExportWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static IExportTable CreateTable(ExportKind kind, ExportContext context) => kind switch
    {
        ExportKind.Submissions => new SubmissionsTable(context),
        ExportKind.Requests => new RequestsTable(context),
        ExportKind.Conversations => new ConversationsTable(context),
        ExportKind.Contacts => new ContactsTable(context),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
