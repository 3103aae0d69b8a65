namespace Fabric.Contracts.Configuration;

/// <summary>
/// A setting a Fabric process cannot start with. The message is one line that names the
/// setting, what is wrong with it, and how to fix it; processes print it and exit with code 2.
/// </summary>
public sealed class InvalidSettingException(string setting, string problem, string fix)
    : Exception($"{setting}: {problem}. {fix}")
{
    public string Setting { get; } = setting;
}
