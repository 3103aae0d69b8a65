using Fabric.HostAgent.Fencing;

namespace Fabric.HostAgent.Tests.Fencing;

/// <summary>Records the pets instead of writing them for a companion.</summary>
public sealed class RecordingFencePet : IFencePet
{
    public List<(long DeadlineNs, IReadOnlyList<HaVm> Vms)> Pets { get; } = [];

    public int Fences { get; private set; }

    public void Pet(long deadlineNs, IReadOnlyList<HaVm> vms) => Pets.Add((deadlineNs, vms));

    public void Fenced() => Fences++;
}
