namespace M2MSim.Silo.Dashboard;

/// <summary>
/// Devices of one type. Every device is online for the whole run until device churn exists
/// (another issue): <see cref="Offline"/> is 0 and the page says so.
/// </summary>
public sealed record TypeCount(string Type, int Online, int Offline);
