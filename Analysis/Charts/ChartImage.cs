namespace M2MSim.Analysis.Charts;

/// <summary>A rendered chart: its PNG, the file name it is written under, and the caption that says which CSV columns it shows.</summary>
public sealed record ChartImage(string FileName, string Title, string Caption, byte[] Png);
