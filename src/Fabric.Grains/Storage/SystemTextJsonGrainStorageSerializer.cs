using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Fabric.Grains.Storage;

/// <summary>
/// Grain state as plain System.Text.Json. Orleans' default storage format embeds .NET type names
/// (<c>$type</c>), so renaming or moving a state class would orphan every stored record. Used for
/// Redis and for memory storage alike, so both store exactly the same thing.
/// </summary>
public sealed class SystemTextJsonGrainStorageSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Polymorphic state (a VM's pending operation) names its type in "kind"; records stored before
        // that type existed have "kind" after other properties.
        AllowOutOfOrderMetadataProperties = true,
    };

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToObjectFromJson<T>(Options)!;
    }
}
