using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabric.Cli.Api;

/// <summary>The REST API's JSON conventions: camelCase names, enums as strings.</summary>
internal static class FabricJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    /// <summary>For request bodies: the same conventions, one line.</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    // For a terminal or jq, not for embedding in HTML: escape only what JSON requires (no \u002B for '+').
    private static readonly JsonSerializerOptions IndentedOutput = new(Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Re-indents JSON as the API sent it, keeping fields this CLI version does not know about.</summary>
    public static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, IndentedOutput);
    }
}
