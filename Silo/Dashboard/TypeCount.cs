namespace M2MSim.Silo.Dashboard;

/// <summary>
/// Devices of one type. The page does not count devices offline by type yet (ticks.csv counts
/// them per tick): <see cref="Offline"/> is 0 and the page says so.
/// </summary>
public sealed record TypeCount(string Type, int Online, int Offline);
