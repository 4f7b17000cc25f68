namespace M2MSim.Economy.Devices;

/// <summary>
/// Money sent from one device to another. The sender pays when it steps; the money is in flight
/// until the receiver's next step credits it, and the barrier counts it as such.
/// </summary>
public readonly record struct Transfer(int From, int To, long Amount);
