namespace Fabric.Silo.Tests.Api.Hostile;

/// <summary>The JSON value types an OpenAPI schema admits.</summary>
[Flags]
internal enum JsonKinds
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Integer = 4,
    Number = 8,
    String = 16,
    Array = 32,
    Object = 64,
    Any = Null | Boolean | Integer | Number | String | Array | Object,
}
