namespace M2MSim.Simulator.Validation;

/// <summary>One row of validation.csv: a published result next to ours.</summary>
/// <param name="Published">The published figure or range, as text (e.g. "0.987", "49–90 %").</param>
/// <param name="Tolerance">The rule the measured value must meet, as text (e.g. "≥ 0.97").</param>
public sealed record ValidationCheck(string Experiment, string Metric, string Published, double Measured, string Tolerance, bool Pass);
