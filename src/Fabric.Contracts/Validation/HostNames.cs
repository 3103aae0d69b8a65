using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Fabric.Contracts.Validation;

/// <summary>Validation of host names: DNS names (RFC 1123 labels joined by dots), at most 253 characters.</summary>
public static partial class HostNames
{
    public const int MaxLength = 253;

    /// <summary>Returns null when <paramref name="name"/> is a valid host name, else why not.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "host name is empty; use the machine's DNS name, e.g. 'node1' or 'node1.rack2.example'";
        }

        if (name.Length > MaxLength)
        {
            return $"host name is {name.Length} characters long; at most {MaxLength} are allowed";
        }

        return DnsName().IsMatch(name)
            ? null
            : $"host name '{Printable(name)}' is not a DNS name: use lowercase letters, digits and '-', labels of 1-63 characters separated by '.', not starting or ending with '-'";
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when <paramref name="name"/> is not a valid host name.</summary>
    public static void ThrowIfInvalid(string? name, [CallerArgumentExpression(nameof(name))] string? paramName = null)
    {
        if (Validate(name) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    private static string Printable(string value) =>
        new([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex DnsName();
}
