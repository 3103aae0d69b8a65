using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Fabric.Grains.Tests.Storing;

/// <summary>
/// Grain state as the silo stores it in Redis (Fabric.Silo's SystemTextJsonGrainStorageSerializer,
/// same options; the grain tests do not reference the silo). Orleans' default storage format only
/// reads back types on its allow-list, which the grains' records are not.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToObjectFromJson<T>(Options)!;
    }
}
