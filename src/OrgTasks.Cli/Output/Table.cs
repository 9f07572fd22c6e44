namespace OrgTasks.Cli.Output;

/// <summary>A plain text table: columns padded to their widest cell, numbers right-aligned, no borders to get in the way of grep.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _right = [];

    public int Count => _rows.Count;

    /// <summary>Right-aligns the given columns (0-based): counts and shares line up on their last digit.</summary>
    public Table AlignRight(params int[] columns)
    {
        _right.UnionWith(columns);
        return this;
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {headers.Length} columns", nameof(cells));
        _rows.Add(cells);
    }

    public void Write(TextWriter output, string indent = "  ")
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(output, indent, headers, widths);
        foreach (var row in _rows) WriteRow(output, indent, row, widths);
    }

    private void WriteRow(TextWriter output, string indent, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, i) => _right.Contains(i) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        output.WriteLine(indent + string.Join("  ", padded).TrimEnd());
    }
}
