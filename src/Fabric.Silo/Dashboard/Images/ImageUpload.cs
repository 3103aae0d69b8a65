using System.Text.Json;
using System.Text.RegularExpressions;
using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;

namespace Fabric.Silo.Dashboard.Images;

/// <summary>The dashboard's side of <c>POST /api/v1/images?name=&amp;kind=</c>: the URL, a name suggestion, and what the answer means.</summary>
public static partial class ImageUpload
{
    public static string Url(string name, ImageKind kind) =>
        $"/api/v1/images?name={Uri.EscapeDataString(name)}&kind={kind.ToString().ToLowerInvariant()}";

    /// <summary>A valid image name from a file name: <c>Debian 12.iso</c> → <c>debian-12.iso</c>.</summary>
    public static string SuggestName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = NotAllowed().Replace(fileName.ToLowerInvariant(), "-").Trim('-', '.', '_');
        name = name.Length > ResourceNames.MaxImageNameLength ? name[..ResourceNames.MaxImageNameLength] : name;
        return name.Length == 0 ? "image" : name;
    }

    /// <summary>Null when the upload was accepted; else the refusal, with the problem+json's detail when there is one.</summary>
    public static Exception? Outcome(int status, string body)
    {
        if (status is >= 200 and < 300)
        {
            return null;
        }

        var kind = status switch
        {
            404 when !body.Contains("\"title\"", StringComparison.Ordinal) => (FabricErrorKind?)null,
            404 => FabricErrorKind.NotFound,
            409 => FabricErrorKind.Conflict,
            503 => FabricErrorKind.Unavailable,
            _ => FabricErrorKind.Invalid,
        };
        if (status == 0)
        {
            return new InvalidOperationException("the upload did not reach the silo (network error or cancelled)");
        }

        if (kind is null)
        {
            return new InvalidOperationException("this silo has no image upload endpoint (POST /api/v1/images) yet");
        }

        return new FabricException(kind.Value, "upload", Detail(body) ?? $"HTTP {status}");
    }

    private static string? Detail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString()
                : json.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        }
    }

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex NotAllowed();
}
