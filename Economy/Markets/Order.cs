using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// A limit order for one tick. A buy order's funds (<see cref="Quantity"/> × <see cref="LimitPrice"/>)
/// and a sell order's units are reserved by the device before the order is sent.
/// </summary>
/// <param name="Id">Unique within a tick: see <see cref="OrderIds"/>.</param>
/// <param name="Reservation">
/// The device's own value of a unit (buy) or cost of a unit (sell), in micro-units. Markets never
/// use it to match; they copy it into the trade so surplus and efficiency can be measured from
/// trades.csv alone. 0 when the device has none to declare.
/// </param>
public readonly record struct Order(long Id, int Device, Resource Resource, Side Side, int Quantity, long LimitPrice, long Reservation = 0);
