namespace Fabric.Contracts.Validation;

/// <summary>
/// Enum values from outside. JSON may give an enum as a number, and a number outside the named values
/// still reads as that enum, so each enum in a request is checked to be one of its names.
/// </summary>
public static class EnumValues
{
    /// <summary>Null when <paramref name="value"/> is one of <typeparamref name="T"/>'s names, else why not and what to use.</summary>
    public static string? Validate<T>(T value, string what)
        where T : struct, Enum =>
        Enum.IsDefined(value)
            ? null
            : $"unknown {what} {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}; use {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}";
}
