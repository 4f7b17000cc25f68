namespace M2MSim.Economy.Markets;

public enum Side
{
    Buy = 0,
    Sell = 1,
}
