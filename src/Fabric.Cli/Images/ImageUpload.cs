using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Images;

/// <summary>Uploads a local file to the image library (<c>POST /api/v1/images</c>, the file as the raw body) with a progress bar.</summary>
internal static class ImageUpload
{
    /// <summary>The image name a file gets by default: its file name, lowercased.</summary>
    public static string DefaultName(string path) => Path.GetFileName(path).ToLowerInvariant();

    /// <summary><c>iso</c> for <c>.iso</c> files, else <c>disk</c>.</summary>
    public static string DefaultKind(string path) => Path.GetExtension(path).Equals(".iso", StringComparison.OrdinalIgnoreCase) ? "iso" : "disk";

    /// <exception cref="FabricApiException">The file cannot be read, or the API refused it.</exception>
    public static async Task<string> UploadAsync(CliContext context, FabricApiClient client, string path, string name, string kind, bool quiet, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FabricApiException($"cannot read {path}: {e.Message}");
        }

        var query = $"name={Uri.EscapeDataString(name)}&kind={kind}";
        // The server can tell a disk image's format from the name's extension; when a chosen name has none, the file's says it.
        if (kind == "disk" && Path.GetExtension(name).Length == 0 && Path.GetExtension(path).TrimStart('.').ToLowerInvariant() is { Length: > 0 } extension)
        {
            query += $"&format={Uri.EscapeDataString(extension)}";
        }

        var progress = quiet ? null : new ProgressBar(context.Stdout, context.StdoutIsTerminal);
        var label = $"uploading {Path.GetFileName(path)} ({Sizes.Describe(file.Length)})";
        await using var body = new ProgressStream(file, file.Length, percent => progress?.Report(percent, label));
        try
        {
            return (await client.UploadAsync($"api/v1/images?{query}", body, file.Length, cancellationToken)).Body;
        }
        finally
        {
            progress?.Finish();
        }
    }
}
