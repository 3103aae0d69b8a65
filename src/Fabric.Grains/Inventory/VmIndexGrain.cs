using Fabric.Contracts.Vms;
using Fabric.Grains.Placement;
using Fabric.Grains.Vms;

namespace Fabric.Grains.Inventory;

/// <summary>
/// One shard of the VM index; see <see cref="IVmIndexGrain"/>. Names are stored (one write per
/// creation and deletion); summaries are pushed by the VM grains and kept in memory. After a
/// reactivation a page fills the summaries it lacks from the VMs' grains once, then serves them
/// from memory. A VM on an unreachable host is listed as Unknown, from this silo's host view.
/// </summary>
[GrainType("vm-index")]
public sealed class VmIndexGrain(
    [PersistentState("vms", GrainStorageNames.Default)] IPersistentState<VmIndexRecord> state,
    HostView hosts) : Grain, IVmIndexGrain
{
    private readonly Dictionary<string, VmInfo> _summaries = new(StringComparer.Ordinal);

    /// <summary>A shard never written takes over its part of the first release's single catalog, once.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            var shard = (int)this.GetPrimaryKeyLong();
            var (names, macs) = await LegacyVmCatalog.ReadShardAsync(ServiceProvider, shard);
            await LegacyVmCatalog.ClaimMacsAsync(GrainFactory, macs);
            state.State.Names.UnionWith(names);
            await state.WriteStateAsync();
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task Add(VmInfo summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _summaries[summary.Name] = summary;
        if (state.State.Names.Add(summary.Name))
        {
            await state.WriteStateAsync();
        }
    }

    public Task Update(VmInfo summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Names.Contains(summary.Name))
        {
            _summaries[summary.Name] = summary;
        }

        return Task.CompletedTask;
    }

    public async Task Remove(string vm)
    {
        _summaries.Remove(vm);
        if (state.State.Names.Remove(vm))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<IReadOnlyList<VmInfo>> List(string? after, int limit)
    {
        var all = state.State.Names;
        IEnumerable<string> from = after is null ? all
            : all.Max is { } max && string.CompareOrdinal(after, max) < 0 ? all.GetViewBetween(after, max) : [];
        var names = from.Where(n => after is null || string.CompareOrdinal(n, after) > 0).Take(limit).ToList();
        var missing = names.Where(n => !_summaries.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            var fetched = await Task.WhenAll(missing.Select(n => GrainFactory.GetGrain<IVmGrain>(n).Get()));
            foreach (var info in fetched.OfType<VmInfo>())
            {
                _summaries.TryAdd(info.Name, info with { Events = [] });
            }
        }

        var view = await hosts.GetAsync();
        return [.. names.Select(n => _summaries.GetValueOrDefault(n)).OfType<VmInfo>().Select(info => VmStatusPolicy.WithHostState(info, view))];
    }
}
