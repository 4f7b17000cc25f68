namespace M2MSim.Economy.Scenarios;

/// <summary>
/// A population's churn: time is cut into spells of <paramref name="Spell"/> ticks (each device's
/// spells start at its own phase), and in each spell a device is offline with probability
/// <paramref name="Offline"/>, independently. An offline device does nothing: it is not stepped,
/// and what is sent to it waits until it is back.
/// </summary>
public sealed record ChurnSpec(double Offline, int Spell);
