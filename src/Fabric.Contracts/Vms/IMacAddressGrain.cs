namespace Fabric.Contracts.Vms;

/// <summary>
/// One MAC address (key: its lower-case form), held by at most one VM cluster-wide. Per address, so
/// reserving MACs for many creations at once queues behind nothing.
/// </summary>
[Alias("fabric.IMacAddressGrain")]
public interface IMacAddressGrain : IGrainWithStringKey
{
    /// <summary>Takes the address for <paramref name="vm"/>; false when another VM holds it. Idempotent for the holder.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string vm);

    /// <summary>Frees the address if <paramref name="vm"/> holds it.</summary>
    [Alias("Release")]
    Task Release(string vm);

    /// <summary>The VM holding the address, or null.</summary>
    [Alias("Holder")]
    Task<string?> Holder();
}
