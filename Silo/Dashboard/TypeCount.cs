namespace M2MSim.Silo.Dashboard;

/// <summary>
/// Devices of one type, as the run starts: all of them online. Each economy view then says how many
/// are offline (LiveEconomy.OfflineByType, in the same order).
/// </summary>
public sealed record TypeCount(string Type, int Online, int Offline);
