using System.Text.RegularExpressions;

namespace Fabric.Hypervisor.Qemu.CommandLine;

/// <summary>
/// Turns user-supplied text into QEMU option values. QEMU splits option strings on commas, so a
/// comma in a name or path would start a new option (<c>file=/a,b</c> → option <c>b</c>): commas are
/// doubled, which QEMU reads back as one literal comma. Control characters (newlines above all) are
/// refused: nothing legitimate needs them and they break logs and the one-arg-per-line golden files.
/// </summary>
public static partial class QemuOptionText
{
    /// <summary>Escapes a value for a <c>key=value,…</c> option string.</summary>
    public static string Escape(string value, string what)
    {
        RefuseControlCharacters(value, what);
        return value.Replace(",", ",,", StringComparison.Ordinal);
    }

    /// <summary>Escapes an absolute host path for a <c>key=value,…</c> option string.</summary>
    public static string EscapePath(string path, string what) => Escape(RequireAbsolutePath(path, what), what);

    /// <summary>
    /// A path passed as a whole argument (<c>-kernel</c>, <c>-initrd</c>, <c>-pidfile</c>). No escaping
    /// happens there, so commas are refused instead: <c>-initrd</c> treats them as a module separator.
    /// </summary>
    public static string RawPath(string path, string what)
    {
        RequireAbsolutePath(path, what);
        if (path.Contains(',', StringComparison.Ordinal))
        {
            throw Invalid($"{what} '{path}' contains a comma, which QEMU would split on; rename the file or move it to a path without commas.");
        }

        return path;
    }

    /// <summary>
    /// A path in an option's implied first position (<c>-vnc unix:PATH</c>): QEMU would read an
    /// <c>=</c> there as a key, so it is refused on top of the usual escaping.
    /// </summary>
    public static string ImpliedPath(string path, string what)
    {
        if (path.Contains('=', StringComparison.Ordinal))
        {
            throw Invalid($"{what} '{path}' contains '=', which QEMU would read as an option key; choose a runtime directory without '='.");
        }

        return EscapePath(path, what);
    }

    /// <summary>Checks a device id: QEMU ids must start with a letter; we also keep them short and plain.</summary>
    public static string DeviceId(string id, string what)
    {
        if (id is null || !DeviceIdPattern().IsMatch(id))
        {
            throw Invalid($"{what} id '{id}' is not valid; use a letter followed by up to 31 letters, digits, '-' or '_'.");
        }

        return id;
    }

    public static void RefuseControlCharacters(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(char.IsControl))
        {
            throw Invalid($"{what} '{value.ReplaceLineEndings("\\n")}' contains a newline or other control character; remove it.");
        }
    }

    private static string RequireAbsolutePath(string path, string what)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            throw Invalid($"{what} '{path}' is not an absolute path; pass a full path starting with '/'.");
        }

        RefuseControlCharacters(path, what);
        return path;
    }

    private static HypervisorException Invalid(string message) => new(HypervisorErrorCode.InvalidSpec, message);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex DeviceIdPattern();
}
