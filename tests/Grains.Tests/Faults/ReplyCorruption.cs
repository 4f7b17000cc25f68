namespace M2MSim.Grains.Tests.Faults;

/// <summary>Which device reply to corrupt: the device's step at this tick reports one micro-unit too many.</summary>
public sealed record ReplyCorruption(int Tick, long Device);
