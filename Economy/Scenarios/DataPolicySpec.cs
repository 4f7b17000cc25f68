namespace M2MSim.Economy.Scenarios;

/// <summary>
/// A data owner's policy: <c>data_policy: {share, min_price}</c>. Of the data a device produces only
/// <see cref="Share"/> is ever offered (cumulatively floor(produced × share)); the rest stays private.
/// Its data asks never go below <see cref="MinPrice"/>.
/// </summary>
/// <param name="Share">The share of produced data offered for sale, in [0, 1].</param>
/// <param name="MinPrice">The lowest price (money units) the device asks for a unit of data.</param>
public sealed record DataPolicySpec(double Share = 1, double MinPrice = 0);
