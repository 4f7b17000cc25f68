namespace M2MSim.Economy.Settlement;

/// <summary>
/// The network-reward pool (root key <c>reward_pool</c>): a named account that pays devices for
/// validating the ledger's transactions with their idle compute ("mining"), as IoT blockchain
/// projects (IOTA, IoT Chain, IOTW) propose. It holds a fund from the start (part of the run's
/// initial money) and the chain's fees; each tick it pays out a share of what it holds, pro rata
/// to the idle compute devices committed in that tick.
/// </summary>
/// <param name="Fund">Micro-units the pool starts with.</param>
/// <param name="PayoutPpm">The share of its balance the pool pays out per tick, in millionths.</param>
public sealed record RewardPoolSpec(long Fund, long PayoutPpm);
