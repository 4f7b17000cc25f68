namespace M2MSim.Economy.Devices;

/// <summary>How a unit-schedule trader quotes in a tick.</summary>
public enum QuoteMode
{
    /// <summary>Only its next unit (Gode &amp; Sunder's one unit at a time).</summary>
    One = 0,

    /// <summary>Every remaining unit, one order each: what a call market needs.</summary>
    All = 1,
}
