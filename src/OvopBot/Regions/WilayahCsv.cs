using System.Text;

namespace OvopBot.Regions;

/// <summary>
/// Reads the wilayah CSV files. Hand-written because the files are big and simple: one record per line, a fixed
/// header, and only a few names quoted (RFC 4180: <c>"Lubuk Pakam I,II"</c>, <c>"Nunle""u"</c>).
/// </summary>
internal static class WilayahCsv
{
    /// <summary>Calls <paramref name="row"/> for every data line with its fields and 1-based line number.</summary>
    public static void Read(string path, string expectedHeader, int fieldCount, RowHandler row)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"region data file not found: {path}", path);
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        var display = Path.GetFileName(path);
        Span<Range> fields = stackalloc Range[fieldCount];
        var lineNumber = 0;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text.AsSpan(position) : text.AsSpan(position, end - position);
            position = end < 0 ? text.Length : end + 1;
            lineNumber++;
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (lineNumber == 1)
            {
                if (!line.SequenceEqual(expectedHeader))
                {
                    throw Error(display, lineNumber, $"expected the header '{expectedHeader}'");
                }

                continue;
            }

            if (line.IsEmpty)
            {
                continue;
            }

            var found = Split(line, fields);
            if (found != fieldCount)
            {
                throw Error(display, lineNumber, $"expected {fieldCount} fields, found {found}");
            }

            row(new Row(display, lineNumber, line, fields));
        }
    }

    /// <summary>A data-file error that names the file and line.</summary>
    public static InvalidDataException Error(string file, int line, string message) =>
        new($"data/wilayah/{file}:{line}: {message}");

    /// <summary>Splits one line into field ranges (quotes included); returns the count, or more than fit.</summary>
    private static int Split(ReadOnlySpan<char> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == line.Length || (line[i] == ',' && !quoted))
            {
                if (count < fields.Length)
                {
                    fields[count] = new Range(start, i);
                }

                count++;
                start = i + 1;
            }
        }

        return count;
    }

    /// <summary>Receives one parsed line.</summary>
    public delegate void RowHandler(Row row);

    /// <summary>One data line: raw field spans plus a way to read a field as an unquoted string.</summary>
    public readonly ref struct Row
    {
        private readonly ReadOnlySpan<char> _line;
        private readonly ReadOnlySpan<Range> _fields;

        public Row(string file, int lineNumber, ReadOnlySpan<char> line, ReadOnlySpan<Range> fields)
        {
            File = file;
            LineNumber = lineNumber;
            _line = line;
            _fields = fields;
        }

        public string File { get; }

        public int LineNumber { get; }

        /// <summary>The field as written; codes are never quoted, so this is what lookups use.</summary>
        public ReadOnlySpan<char> Raw(int index) => _line[_fields[index]];

        /// <summary>The field as text: surrounding quotes removed and doubled quotes undone.</summary>
        public string Text(int index)
        {
            var raw = Raw(index);
            if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"')
            {
                return raw[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            return raw.ToString();
        }

        public InvalidDataException Error(string message) => WilayahCsv.Error(File, LineNumber, message);
    }
}
