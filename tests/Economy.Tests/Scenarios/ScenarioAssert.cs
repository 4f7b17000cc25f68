using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Economy.Tests.Scenarios;

/// <summary>What the scenario-loading tests share: a minimal valid file and assertions on the errors a file gets.</summary>
internal static class ScenarioAssert
{
    // Line numbers matter: tests point into this text (the devices list starts at line 7, column 3).
    public const string Minimal = """
        name: m
        ticks: 10
        markets:
          - resource: compute
            price_range: [1, 2]
        devices:
          - type: a
            count: 1
            strategy: zi-c
        """;

    public static ScenarioException Fails(string yaml, params string[] overrides) =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "s.yaml", overrides));

    public static ScenarioError[] Errors(string yaml, params string[] overrides) => Fails(yaml, overrides).Errors.ToArray();

    public static ScenarioError Single(string yaml, params string[] overrides) => Assert.Single(Fails(yaml, overrides).Errors);

    public static void AssertError(ScenarioError error, int line, int column, string path, string messagePart)
    {
        Assert.Equal((line, column, path), (error.Line, error.Column, error.Path));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }
}
