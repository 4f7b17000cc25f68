using System.Runtime.CompilerServices;

namespace M2MSim.Economy.Devices;

/// <summary>
/// One amount per resource, held inside the device object rather than as an array of its own: a
/// device keeps four of these (inventory, reserved, bought, sold), and four arrays were 224 bytes
/// of every device, headers and references included, against 128 inline.
/// </summary>
[InlineArray(Resources.Resources.Count)]
public struct ResourceAmounts
{
    private long _first;
}
